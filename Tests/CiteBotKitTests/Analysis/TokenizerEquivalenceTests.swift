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

    /// Words longer than the scratch buffer's first 256 bytes make it grow mid-word.
    @Test(arguments: [255, 256, 257, 600, 5000])
    func agreesOnWordsLongerThanTheScratchBuffer(length: Int) {
        for word in [String(repeating: "a", count: length), String(repeating: "é", count: length / 2),
                     String(repeating: "ab'", count: length / 3) + "c", String(repeating: "É", count: length / 2) + "x"] {
            let text = "Start " + word + " end."
            for limit in [64, 1_000_000] {
                #expect(Tokenizer(maximumWordBytes: limit).words(in: text)
                        == ReferenceTokenizer(maximumWordBytes: limit).words(in: text), "length \(length), limit \(limit)")
            }
        }
    }

    @Test func agreesOnTheBundledArticle() throws {
        let text = try Fixtures.bundledArticle.text
        #expect(Tokenizer().words(in: text) == ReferenceTokenizer().words(in: text))
    }
}
