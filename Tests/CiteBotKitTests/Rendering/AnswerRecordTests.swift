import Foundation
import Testing
@testable import CiteBotKit

/// `jsonLine()` writes JSON by hand for speed; it must give exactly the bytes `JSONEncoder`
/// gives with the same options, which stays the reference here.
@Suite struct AnswerRecordTests {
    static func reference(_ record: AnswerRecord) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(record) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Text with every ASCII byte, quotes, slashes, escapes and non-ASCII scalars.
    static func text(_ generator: inout SeededGenerator) -> String {
        let pieces = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) } + [
            "\"", "\\", "/", "\\n", "é", "E\u{301}", "\u{2028}", "\u{FEFF}", "😀", "日本", "\u{FFFD}", "word", " ",
        ]
        return (0..<Int(generator.next() % 40)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
    }

    static func number(_ generator: inout SeededGenerator) -> Double {
        let numbers: [Double] = [0, -0.0, 1, 1.0379, 0.0001, 0.00001, 123456789, 1e16, 1e17, 0.1, 2.5, 100, -3.25, 1e-300]
        if generator.next() % 2 == 0 { return numbers[Int(generator.next() % UInt64(numbers.count))] }
        return (Double(generator.next() % 2_000_000) / 1_000_000 * 10_000).rounded() / 10_000
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func jsonLineIsWhatJSONEncoderWrites(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for round in 0..<200 {
            let citations = (0..<Int(generator.next() % 4)).map { _ in
                Citation(source: Self.text(&generator), paragraph: Int(generator.next() % 3000),
                         sentence: Int(generator.next() % 40), text: Self.text(&generator),
                         score: Self.number(&generator),
                         continuation: generator.next() % 3 == 0 ? Self.text(&generator) : nil)
            }
            let kind = QuestionKind.allCases[Int(generator.next() % UInt64(QuestionKind.allCases.count))]
            var answer = Answer(question: Self.text(&generator), text: Self.text(&generator),
                                shortAnswer: generator.next() % 2 == 0 ? nil : Self.text(&generator), kind: kind,
                                abstained: generator.next() % 2 == 0, citations: citations,
                                confidence: Self.number(&generator))
            if round == 0 { answer.citations = [] }
            let record = AnswerRecord(answer)
            #expect(record.jsonLine() == Self.reference(record), "seed \(seed), round \(round)")
        }
    }

    @Test func aNumberJSONCannotHoldGivesAnEmptyObjectAsBefore() {
        let citation = Citation(source: "a.txt", paragraph: 1, sentence: 1, text: "A.", score: .nan)
        let record = AnswerRecord(Answer(question: "q", text: "A.", kind: .other, abstained: false,
                                         citations: [citation], confidence: 1))
        #expect(record.jsonLine() == "{}")
        #expect(Self.reference(record) == "{}")
    }
}
