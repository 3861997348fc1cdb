/// Why a corpus could not be loaded; each message says what to do, in words that fit
/// wherever the paths came from (a `--corpus` option or the REPL's `:corpus`).
public enum CorpusError: Error, CustomStringConvertible, Equatable {
    case missingPath(String)
    case unreadable(path: String, reason: String)
    case noDocuments([String])
    case noIndexableText([String])

    public var description: String {
        switch self {
        case .missingPath(let path):
            return "corpus path '\(path)' does not exist; check the spelling or give another path"
        case .unreadable(let path, let reason):
            return "cannot read '\(path)': \(reason)"
        case .noDocuments(let paths):
            return "no .txt or .md files found in \(Self.list(paths)); give a text file or a folder that holds some"
        case .noIndexableText(let paths):
            return "the corpus \(Self.list(paths)) contains no indexable text (files are empty or have no words)"
        }
    }

    private static func list(_ paths: [String]) -> String {
        paths.map { "'\($0)'" }.joined(separator: ", ")
    }
}

/// Something worth telling the user about a corpus that still loaded.
public struct CorpusWarning: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
