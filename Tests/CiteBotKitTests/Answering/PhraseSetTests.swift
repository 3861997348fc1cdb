import Testing
@testable import CiteBotKit

/// ``PhraseSet`` files phrases by first word; it must find exactly what comparing every
/// phrase at every position finds.
@Suite struct PhraseSetTests {
    static func naive(_ phrases: [[String]], in words: [String]) -> Bool {
        phrases.contains { phrase in
            !phrase.isEmpty && phrase.count <= words.count
                && (0...(words.count - phrase.count)).contains { Array(words[$0..<($0 + phrase.count)]) == phrase }
        }
    }

    @Test(arguments: [1, 6, 29])
    func agreesWithComparingEveryPhraseEverywhere(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let vocabulary = ["due", "to", "so", "that", "in", "order", "by", "the", "result", "from", "x"]
        func word() -> String { vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
        for round in 0..<300 {
            let phrases = (0..<Int(generator.next() % 6)).map { _ in (0..<Int(generator.next() % 4)).map { _ in word() } }
            let words = (0..<Int(generator.next() % 9)).map { _ in word() }
            #expect(PhraseSet(phrases).occurs(in: words) == Self.naive(phrases, in: words),
                    "seed \(seed), round \(round): \(phrases) in \(words)")
        }
    }

    @Test func findsAPhraseOnlyWhole() {
        let set = PhraseSet([["due", "to"], ["because"]])
        #expect(set.occurs(in: ["it", "failed", "due", "to", "rain"]))
        #expect(set.occurs(in: ["because"]))
        #expect(!set.occurs(in: ["it", "was", "due"]))
        #expect(!set.occurs(in: ["to", "due"]))
    }
}
