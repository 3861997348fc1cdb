import Testing
@testable import CiteBotKit

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    @Test func splitsOnPunctuationAndHyphens() {
        let words = tokenizer.words(in: "Muscle-relaxing effect, (mostly)!").map(\.surface)
        #expect(words == ["muscle", "relaxing", "effect", "mostly"])
    }

    @Test func keepsApostrophesAndFoldsCurlyOnes() {
        let words = tokenizer.words(in: "don’t specialist's dogs' ’quoted’").map(\.surface)
        #expect(words == ["don't", "specialist's", "dogs", "quoted"])
    }

    @Test func keepsDecimalsAndThousands() {
        #expect(tokenizer.words(in: "3.5 mg, 1,000 units. End.").map(\.surface) == ["3.5", "mg", "1,000", "units", "end"])
    }

    @Test func rangesAreUTF8OffsetsIntoTheText() {
        let text = "Café “crème”"
        let words = tokenizer.words(in: text)
        #expect(words.map(\.surface) == ["café", "crème"])
        #expect(words.map { CorpusIndex.slice(text, $0.range) } == ["Café", "crème"])
    }

    @Test func lowerCasesAndNormalisesToNFC() {
        let decomposed = "CAFE\u{301}"
        #expect(tokenizer.words(in: decomposed).map(\.surface) == ["caf\u{E9}"])
    }

    @Test func handlesOtherScriptsAndEmoji() {
        let words = tokenizer.words(in: "Καλημέρα κόσμε 😀 日本").map(\.surface)
        #expect(words == ["καλημέρα", "κόσμε", "日本"])
    }

    @Test func cutsOverlongWords() {
        let long = String(repeating: "a", count: 10_000)
        let words = Tokenizer(maximumWordBytes: 64).words(in: long + " b")
        #expect(words.map(\.surface.utf8.count) == [64, 1])
    }

    @Test func controlCharactersSeparateWords() {
        #expect(tokenizer.words(in: "a\u{0}b\u{1B}[31mc").map(\.surface) == ["a", "b", "31mc"])
    }
}

@Suite struct AnalyzerTests {
    let analyzer = Fixtures.analyzer

    @Test func dropsStopWordsAndStems() {
        let terms = analyzer.terms(in: "What does the filler contain? It contains acids.").map(\.term)
        #expect(terms == ["filler", "contain", "contain", "acid"])
    }

    @Test func remembersStopWordsAndStemsAlike() throws {
        // A fresh analyzer: the first pass fills its word cache, the second reads it back.
        let analyzer = try #require(Analyzer())
        let words = analyzer.tokenizer.words(in: "The filler contains what the fillers contain")
        let first = analyzer.terms(of: words)
        #expect(first.map(\.term) == ["filler", "contain", "filler", "contain"])
        #expect(first.map(\.surface) == ["filler", "contains", "fillers", "contain"])
        #expect(analyzer.terms(of: words) == first)
        #expect(analyzer.stem("the") == "the")
    }

    @Test(arguments: [("running", "run"), ("wrinkles", "wrinkl"), ("injections", "inject"), ("lasts", "last")])
    func stemsWithSnowball(_ word: String, _ stem: String) {
        #expect(analyzer.stem(word) == stem)
    }

    @Test func questionAndTextStemAlike() {
        let question = Set(analyzer.terms(in: "Which treatments contained toxins?").map(\.term))
        let text = Set(analyzer.terms(in: "The treatment contains a toxin.").map(\.term))
        #expect(question == text)
    }

    @Test func editDistanceCountsTranspositionsAsOne() {
        func d(_ a: String, _ b: String) -> Int {
            editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 3)
        }
        #expect(d("botox", "botox") == 0)
        #expect(d("botx", "botox") == 1)
        #expect(d("wrinkels", "wrinkles") == 1)
        #expect(d("abc", "xyz") == 3)
        #expect(d("a", "abcdefgh") == 4)  // beyond the limit: limit + 1
    }
}
