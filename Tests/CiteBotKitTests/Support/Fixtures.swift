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

    /// The text of the first citation for `question` over `corpus` (never abstaining), with
    /// the answering options as `configure` sets them: for tests that switch a technique on
    /// and off.
    static func firstCitation(_ question: String, over corpus: String,
                              _ configure: (inout AnswerOptions) -> Void = { _ in }) throws -> String? {
        try answer(question, over: corpus, configure).citations.first?.text
    }

    /// The answer to `question` over `corpus` (one document), never abstaining, with the
    /// options `configure` sets.
    static func answer(_ question: String, over corpus: String,
                       _ configure: (inout AnswerOptions) -> Void = { _ in }) throws -> Answer {
        var options = AnswerOptions(minScore: 0)
        configure(&options)
        return Answerer(index: try index([corpus]), analyzer: analyzer, options: options).answer(question)
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

    /// The path of the hand-made WordNet database under `Fixtures/WordNet/` (or of its
    /// `subdirectory`).
    static func wordNetDirectory(_ subdirectory: String? = nil) throws -> String {
        guard let url = Bundle.module.url(forResource: "WordNet", withExtension: nil, subdirectory: "Fixtures") else {
            throw FixtureError.missing("Fixtures/WordNet")
        }
        return subdirectory.map { url.appendingPathComponent($0).path } ?? url.path
    }

    /// The hand-made database in `Fixtures/WordNet/` (listed in its files; offsets were
    /// generated, so edit the files only together with every offset that points past the
    /// edit; index lines alone may be added where no data line is read).
    static func wordNet() throws -> WordNetLexicon {
        guard let lexicon = WordNetLexicon(directory: try wordNetDirectory()) else {
            throw FixtureError.missing("a readable database in Fixtures/WordNet")
        }
        return lexicon
    }

    enum FixtureError: Error {
        case missing(String)
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
