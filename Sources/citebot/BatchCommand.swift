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
            one record, in input order. Lines that have already arrived are answered together, \
            on every core (see --jobs); citebot never waits for more input before answering \
            what it has, so it can run as a coprocess that sends a line and reads the answer.

            EXAMPLES:
              citebot batch < questions.txt
              citebot batch --format jsonl < questions.txt > answers.jsonl
              printf 'How long do the results last?\\n' | citebot batch --format json
            """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var answering: AnsweringOptions
    @Option(help: "Output format: text, json (one array) or jsonl (one object per line).")
    var format: OutputFormat = .text
    @OptionGroup var jobs: JobsOption

    func run() throws {
        try Self.run(corpus: corpus, answering: answering, format: format, jobs: jobs.jobs)
    }

    /// The most questions taken as one batch: enough to keep every core busy between
    /// writes, few enough that the first records of a long file appear at once.
    static let batchSize = 64

    static func run(corpus: CorpusOptions, answering: AnsweringOptions, format: OutputFormat, jobs: Int? = nil) throws {
        try reportingErrors {
            let session = try Session.open(corpus, answering.answerOptions)
            let writer = RecordWriter(format: format, colour: Terminal.wantsColour(fileDescriptor: STDOUT_FILENO),
                                      echoQuestion: true)
            let reader = PlainLineReader()
            writer.begin()
            while case .line(let line) = reader.readLine(prompt: "") {
                var lines = [line]
                while lines.count < batchSize, case .line(let next)? = reader.readLineIfArrived() {
                    lines.append(next)
                }
                let questions = lines.filter { $0.contains(where: { !$0.isWhitespace }) }
                for answer in session.answerer.answers(to: questions, workers: jobs) {
                    writer.write(answer)
                }
            }
            writer.end()
        }
    }
}
