import ArgumentParser
import CiteBotKit
import Foundation

struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer one question and exit.",
        discussion: """
            EXAMPLES:
              citebot ask "How long do the results last?"
              citebot ask --format json --top-k 3 "What does the treatment contain?"
            """)

    @Argument(help: "The question (quote it).")
    var question: [String]

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var answering: AnsweringOptions
    @Option(help: "Output format: text, json or jsonl.")
    var format: OutputFormat = .text

    func validate() throws {
        // A blank question is a slip (an empty variable in a script), not a question to abstain on.
        guard question.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            throw ValidationError("The question is empty; give one in quotes, e.g. citebot ask \"What does it contain?\"")
        }
    }

    func run() throws {
        try reportingErrors {
            let session = try Session.open(corpus, answering.answerOptions)
            let answer = session.answerer.answer(question.joined(separator: " "))
            if format == .json {
                Terminal.write(AnswerRecord(answer).jsonDocument() + "\n")
                return
            }
            let writer = RecordWriter(format: format, colour: Terminal.wantsColour(fileDescriptor: STDOUT_FILENO),
                                      echoQuestion: false)
            writer.write(answer)
        }
    }
}
