import ArgumentParser
import CiteBotKit
import Foundation
import LineEditing

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Answer each line of standard input, in order, one record per question.",
        discussion: """
            Blank lines (empty or only whitespace) are skipped; every other line gets exactly \
            one record, written and flushed before the next line is read, so citebot can run \
            as a coprocess.

            EXAMPLES:
              citebot batch < questions.txt
              citebot batch --format jsonl < questions.txt > answers.jsonl
              printf 'How long do the results last?\\n' | citebot batch --format json
            """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var answering: AnsweringOptions
    @Option(help: "Output format: text, json (one array) or jsonl (one object per line).")
    var format: OutputFormat = .text

    func run() throws {
        try Self.run(corpus: corpus, answering: answering, format: format)
    }

    static func run(corpus: CorpusOptions, answering: AnsweringOptions, format: OutputFormat) throws {
        try reportingErrors {
            let session = try Session.open(corpus, answering.answerOptions)
            let writer = RecordWriter(format: format, colour: Terminal.wantsColour(fileDescriptor: STDOUT_FILENO),
                                      echoQuestion: true)
            let reader = PlainLineReader()
            writer.begin()
            while case .line(let line) = reader.readLine(prompt: "") {
                guard line.contains(where: { !$0.isWhitespace }) else { continue }
                writer.write(session.answerer.answer(line))
            }
            writer.end()
        }
    }
}
