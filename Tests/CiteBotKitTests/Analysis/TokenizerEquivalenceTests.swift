import Testing
@testable import CiteBotKit

/// The byte-level ``Tokenizer`` must find exactly the words the scalar-by-scalar
/// ``ReferenceTokenizer`` finds: same surfaces, same ranges.
@Suite struct TokenizerEquivalenceTests {
    @Test(arguments: [1, 2, 3, 42, 2024])
    func agreesWithTheReferenceOnRandomText(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for round in 0..<300 {
            let text = RandomText.make(&generator, pieces: Int(generator.next() % 40))
            let expected = ReferenceTokenizer().words(in: text)
            let actual = Tokenizer().words(in: text)
            #expect(actual == expected, "seed \(seed), round \(round): \(text.debugDescription)")
        }
    }

    @Test func agreesOnSubstringsAndShortLimits() {
        var generator = SeededGenerator(seed: 7)
        for round in 0..<200 {
            let text = RandomText.make(&generator, pieces: 30)
            let substring = text.dropFirst(3)
            #expect(Tokenizer(maximumWordBytes: 3).words(in: substring)
                    == ReferenceTokenizer(maximumWordBytes: 3).words(in: substring), "seed 7, round \(round)")
        }
    }

    @Test func agreesOnTheBundledArticle() throws {
        let text = try Fixtures.bundledArticle.text
        #expect(Tokenizer().words(in: text) == ReferenceTokenizer().words(in: text))
    }
}
