import Foundation
@testable import CiteBotKit

/// Shared helpers for building small indexes in tests.
enum Fixtures {
    static let analyzer: Analyzer = {
        guard let analyzer = Analyzer() else { fatalError("libstemmer has no English stemmer") }
        return analyzer
    }()

    static func index(_ texts: [String], options: IndexOptions = IndexOptions()) throws -> CorpusIndex {
        let documents = texts.enumerated().map { Document(source: "doc\($0.offset + 1).txt", text: $0.element) }
        return try IndexBuilder(analyzer: analyzer, options: options).build(documents)
    }

    /// The bundled article, found from this file's path.
    static var bundledArticle: Document {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let url = root.appendingPathComponent("corpus/botox-vs-fillers.txt")
            return Document(source: "corpus/botox-vs-fillers.txt", text: try String(contentsOf: url, encoding: .utf8))
        }
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
