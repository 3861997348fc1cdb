import ArgumentParser
import CiteBotKit
import Foundation

/// `citebot sentences`: every sentence citebot indexes, as it cut them.
///
/// Hidden from help. It lets outside tools, such as the baseline comparison in
/// `Benchmarks/accuracy/`, rank exactly the sentences citebot ranks instead of
/// re-implementing its splitter: the sentences come from the same index that
/// `ask`, `batch` and `eval` build, so a peer fed them sees the same units.
struct SentencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Print the corpus's sentences as citebot segments and indexes them.",
        discussion: """
            Each JSONL record is {"source", "document", "paragraph", "sentence", "text", "citable"}: \
            the document's name in citations and its 1-based position in the corpus, the 1-based \
            paragraph and sentence numbers, the sentence verbatim, and whether it may be cited \
            (headings, questions and bare symbols may not). Records follow corpus order.

            With --squad, the corpus is the SQuAD file's articles built exactly as `eval` builds \
            them (one document per article, one paragraph per context).

            EXAMPLES:
              citebot sentences --corpus corpus/ --format jsonl
              citebot sentences --squad TestSets/squad-fixture-v2.0.json
            """,
        shouldDisplay: false)

    @OptionGroup var corpus: CorpusOptions

    @Option(help: ArgumentHelp(
        "Segment the articles of a SQuAD v1.1/v2.0 file instead of --corpus.", valueName: "file.json"))
    var squad: String?

    @Option(help: "Output format: jsonl (one object per sentence) or text.")
    var format: SentencesFormat = .jsonl

    func validate() throws {
        if squad != nil && !corpus.paths.isEmpty {
            throw ValidationError("--squad brings its own corpus; drop --corpus or --squad.")
        }
    }

    func run() throws {
        try reportingErrors {
            let session = try openSession()
            let index = session.index
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var buffer = ""
            for position in index.sentences.indices {
                let sentence = index.sentences[position]
                let record = SentenceLine(
                    source: index.documents.source(of: sentence.document), document: sentence.document + 1,
                    paragraph: sentence.paragraph, sentence: sentence.number,
                    text: index.text(ofSentence: position), citable: sentence.isCitable)
                switch format {
                case .jsonl:
                    buffer += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
                case .text:
                    let mark = record.citable ? "" : " (not citable)"
                    buffer += "\(record.source) ¶\(record.paragraph).\(record.sentence)\(mark): "
                        + TextRenderer.escaped(record.text) + "\n"
                }
                // Written in slices so a large corpus neither waits nor piles up in memory.
                if buffer.utf8.count >= 1 << 16 {
                    Terminal.write(buffer)
                    buffer = ""
                }
            }
            Terminal.write(buffer)
        }
    }

    /// The index `eval` would build for this corpus or SQuAD file.
    private func openSession() throws -> Session {
        guard let squad else { return try Session.open(corpus, AnswerOptions()) }
        do {
            let testSet = try SQuADTestSet(contentsOf: URL(fileURLWithPath: squad), displayName: squad)
            if !corpus.quiet {
                for warning in testSet.warnings { Terminal.writeError("citebot: warning: \(warning)\n") }
            }
            return try Session.open(testSet.documents, AnswerOptions())
        } catch let error as TestSetError {
            throw CLIError.data(error.description)
        }
    }
}

/// One line of `citebot sentences --format jsonl`.
struct SentenceLine: Encodable {
    var source: String
    var document: Int
    var paragraph: Int
    var sentence: Int
    var text: String
    var citable: Bool
}

enum SentencesFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, text
}
