import CiteBotKit
import Foundation

/// Streams answer records to standard output in the chosen format, flushing each one.
///
/// `json` writes one array, opened by ``begin()`` and closed by ``end()``, with each
/// element written as soon as it is answered, so even a single JSON document streams.
final class RecordWriter {
    let format: OutputFormat
    let renderer: TextRenderer
    let echoQuestion: Bool
    private var count = 0

    init(format: OutputFormat, colour: Bool, echoQuestion: Bool) {
        self.format = format
        self.renderer = TextRenderer(colour: colour)
        self.echoQuestion = echoQuestion
    }

    func begin() {
        if format == .json { Terminal.write("[") }
    }

    func write(_ answer: Answer) {
        switch format {
        case .text:
            var out = count > 0 && echoQuestion ? "\n" : ""
            if echoQuestion { out += "> " + TextRenderer.escaped(answer.question) + "\n" }
            Terminal.write(out + renderer.render(answer))
        case .jsonl:
            Terminal.write(AnswerRecord(answer).jsonLine() + "\n")
        case .json:
            Terminal.write((count > 0 ? ",\n" : "\n") + AnswerRecord(answer).jsonLine())
        }
        count += 1
    }

    func end() {
        if format == .json { Terminal.write(count > 0 ? "\n]\n" : "]\n") }
    }
}
