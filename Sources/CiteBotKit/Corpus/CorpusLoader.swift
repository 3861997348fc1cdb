import Foundation

/// Reads the text files a user points citebot at.
///
/// Files are taken as given; directories are walked recursively for `.txt` and `.md`
/// files, in a stable sorted order so indexes and answers are reproducible. Hidden
/// entries are skipped, symbolic-link cycles are detected by resolved path, files that
/// look binary are skipped with a warning, and invalid UTF-8 is repaired with U+FFFD
/// with a warning naming the file.
public struct CorpusLoader: Sendable {
    /// File name extensions taken from directories (lower-cased, without the dot).
    public var extensions: Set<String>

    public init(extensions: Set<String> = ["txt", "md"]) {
        self.extensions = extensions
    }

    /// The files that `paths` stand for, with the names citations will use.
    ///
    /// - Parameter names: optional display names, one per path, used in place of the
    ///   path in citations (the bundled corpus is shown as `corpus/…` wherever it lives).
    public func files(for paths: [String], names: [String]? = nil) throws -> [(url: URL, source: String)] {
        var found: [(url: URL, source: String)] = []
        var seen = Set<String>()
        let manager = FileManager.default
        for (position, path) in paths.enumerated() {
            let name = names.flatMap { position < $0.count ? $0[position] : nil } ?? path
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CorpusError.missingPath(path)
            }
            let url = URL(fileURLWithPath: path)
            if isDirectory.boolValue {
                var visited = Set<String>()
                var inDirectory: [(url: URL, source: String, resolved: String)] = []
                try walk(url, relative: "", into: &inDirectory, visited: &visited)
                for file in inDirectory.sorted(by: { $0.source < $1.source }) where seen.insert(file.resolved).inserted {
                    found.append((file.url, Self.join(name, file.source)))
                }
            } else {
                guard manager.isReadableFile(atPath: path) else {
                    throw CorpusError.unreadable(path: path, reason: "permission denied")
                }
                if seen.insert(url.resolvingSymlinksInPath().path).inserted {
                    found.append((url, name))
                }
            }
        }
        return found
    }

    /// Loads every document under `paths`.
    ///
    /// - Throws: ``CorpusError`` when a path is missing or names no readable text file,
    ///   or when nothing at all could be read.
    public func load(_ paths: [String], names: [String]? = nil) throws -> (documents: [Document], warnings: [CorpusWarning]) {
        var documents: [Document] = []
        var warnings: [CorpusWarning] = []
        let files = try files(for: paths, names: names)
        guard !files.isEmpty else { throw CorpusError.noDocuments(paths) }
        for file in files {
            switch read(file.url) {
            case .failed(let reason):
                // A file given by name must be readable; one found in a folder is skipped.
                if files.count == 1 { throw CorpusError.unreadable(path: file.source, reason: reason) }
                warnings.append(CorpusWarning(path: file.source, message: "skipped: \(reason)"))
            case .binary:
                warnings.append(CorpusWarning(path: file.source, message: "skipped: looks like a binary file"))
            case .text(let text, let repaired):
                if repaired {
                    warnings.append(CorpusWarning(
                        path: file.source, message: "invalid UTF-8 replaced with U+FFFD"))
                }
                documents.append(Document(source: file.source, text: text))
            }
        }
        guard !documents.isEmpty else { throw CorpusError.noIndexableText(paths) }
        return (documents, warnings)
    }

    /// What reading one file gave.
    public enum FileReading: Sendable, Equatable {
        case text(String, repaired: Bool)
        case binary
        case failed(String)
    }

    /// Reads and decodes one file.
    public func read(_ url: URL) -> FileReading {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failed(Self.reason(error))
        }
        switch Self.decode(data) {
        case .binary: return .binary
        case .text(let text, let repaired): return .text(text, repaired: repaired)
        }
    }

    /// The size and modification time (nanoseconds since 1970) of a file, or nil if it cannot be examined.
    public static func fingerprint(of url: URL) -> (size: Int64, modified: Int64)? {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return nil }
        return (Int64(status.st_size), Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec))
    }

    enum Decoded {
        case text(String, repaired: Bool)
        case binary
    }

    /// Decodes file content as UTF-8, repairing invalid sequences.
    ///
    /// A file is taken for binary when its first 8 KiB hold a NUL byte among mostly
    /// non-text bytes, the way `grep` and `git` decide.
    static func decode(_ data: Data) -> Decoded {
        // Read through a buffer: iterating `Data` costs a call per byte, more than validating it.
        let binary = data.withUnsafeBytes { raw -> Bool in
            let sample = raw.prefix(8192)
            guard sample.contains(0) else { return false }
            let controls = sample.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
            return controls * 10 > sample.count
        }
        if binary { return .binary }
        var bytes = data
        // A UTF-8 byte order mark is not text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return .text(text, repaired: false)
        }
        return .text(String(decoding: bytes, as: UTF8.self), repaired: true)
    }

    /// Adds the text files under `directory` to `found`, each with its path relative to the
    /// walk's root and its path with symbolic links resolved (which tells the same file
    /// reached twice).
    ///
    /// Each entry costs one `lstat`: an entry that is not a link has its directory's
    /// resolved path (resolved once per directory) followed by its name, and only a link is
    /// followed and resolved, as the walk must not resolve every file's path anew.
    private func walk(
        _ directory: URL, relative: String,
        into found: inout [(url: URL, source: String, resolved: String)], visited: inout Set<String>
    ) throws {
        let resolved = directory.resolvingSymlinksInPath().path
        guard visited.insert(resolved).inserted else { return }  // a symbolic-link cycle
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            if relative.isEmpty { throw CorpusError.unreadable(path: directory.path, reason: Self.reason(error)) }
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            let path = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard lstat(url.path, &status) == 0 else { continue }
            var resolvedPath = Self.join(resolved, name)
            if status.st_mode & S_IFMT == S_IFLNK {
                // Followed like any other entry; a link to nothing is passed over.
                guard stat(url.path, &status) == 0 else { continue }
                resolvedPath = url.resolvingSymlinksInPath().path
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                try walk(url, relative: path, into: &found, visited: &visited)
            } else if extensions.contains(url.pathExtension.lowercased()) {
                found.append((url, path, resolvedPath))
            }
        }
        visited.remove(resolved)
    }

    private static func join(_ root: String, _ relative: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        if nsError.code == NSFileReadNoPermissionError { return "permission denied" }
        if nsError.code == NSFileReadNoSuchFileError || nsError.code == NSFileNoSuchFileError {
            return "no such file (moved or deleted after the folder was listed?)"
        }
        return nsError.localizedDescription
    }
}
