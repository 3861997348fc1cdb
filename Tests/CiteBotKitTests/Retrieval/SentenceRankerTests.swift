import Testing
@testable import CiteBotKit

@Suite struct SentenceRankerTests {
    static let corpus = """
        Our garden

        Tomatoes need full sun and steady watering. They ripen in late summer.

        Roses need pruning in early spring. Aphids attack roses in wet years.

        Compost improves clay soil. Worms help too.
        """

    func rank(_ question: String, in index: CorpusIndex, limit: Int = 5) -> [RankedSentence] {
        let analyzer = Fixtures.analyzer
        let parsed = QuestionParser(analyzer: analyzer).parse(question)
        let query = QueryBuilder(index: index, analyzer: analyzer).query(for: parsed.terms)
        return SentenceRanker(index: index).rank(query, limit: limit)
    }

    @Test func ranksTheMatchingSentenceFirst() throws {
        let index = try Fixtures.index([Self.corpus])
        let top = try #require(rank("When should roses be pruned?", in: index).first)
        #expect(index.text(ofSentence: top.sentence) == "Roses need pruning in early spring.")
    }

    @Test func neverReturnsHeadings() throws {
        let index = try Fixtures.index([Self.corpus])
        let ranked = rank("garden", in: index)
        #expect(ranked.allSatisfy { index.sentences[$0.sentence].isCitable })
    }

    @Test func passageContextLiftsANeighbouringSentence() throws {
        let index = try Fixtures.index([Self.corpus])
        // "They ripen in late summer." never says "tomatoes"; its passage does.
        let ranked = rank("When do tomatoes ripen?", in: index)
        #expect(index.text(ofSentence: try #require(ranked.first).sentence) == "They ripen in late summer.")
    }

    @Test func coverageIsTheShareOfQuestionWeightMatched() throws {
        let index = try Fixtures.index([Self.corpus])
        let full = try #require(rank("compost clay soil", in: index).first)
        #expect(abs(full.coverage - 1) < 1e-9)
        // "volcano" is unknown: it carries the largest idf and is never matched.
        let partial = try #require(rank("compost volcano", in: index).first)
        #expect(partial.coverage > 0 && partial.coverage < 0.5)
    }

    @Test func unknownWordsAloneFindNothing() throws {
        let index = try Fixtures.index([Self.corpus])
        #expect(rank("capital of France", in: index).isEmpty)
    }

    @Test func correctsAMisspeltWordToACorpusWord() throws {
        let index = try Fixtures.index([Self.corpus])
        let query = QueryBuilder(index: index, analyzer: Fixtures.analyzer)
            .query(for: Fixtures.analyzer.terms(in: "tomtoes"))
        #expect(query.terms.first?.correction == "tomatoes")
        #expect(query.terms.first?.id != nil)
    }

    @Test func tiesBreakBySourceOrder() throws {
        let index = try Fixtures.index(["Apples are red.\n\nApples are red."])
        let ranked = rank("apples red", in: index)
        #expect(ranked.map(\.sentence) == [0, 1])
    }

    @Test func scoresAreFiniteAndWithinBounds() throws {
        let index = try Fixtures.index([Self.corpus])
        for question in ["roses", "sun water soil", "worms aphids compost tomatoes", "spring"] {
            for ranked in rank(question, in: index, limit: 20) {
                #expect(ranked.score.isFinite && ranked.score >= 0 && ranked.score <= 1.5001)  // a + b + c
                #expect(ranked.coverage >= 0 && ranked.coverage <= 1.0001)
            }
        }
    }
}
