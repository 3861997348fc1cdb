import Testing
@testable import CiteBotKit

@Suite struct SentenceRankerTests {
    static let corpus = """
        Our garden

        Tomatoes need full sun and steady watering. They ripen in late summer.

        Roses need pruning in early spring. Aphids attack roses in wet years.

        Compost improves clay soil. Worms help too.
        """

    func rank(_ question: String, in index: CorpusIndex, limit: Int = 5,
              options: RankingOptions = RankingOptions()) -> [RankedSentence] {
        let analyzer = Fixtures.analyzer
        let parsed = QuestionParser(analyzer: analyzer).parse(question)
        let query = QueryBuilder(index: index, analyzer: analyzer).query(for: parsed.terms)
        return SentenceRanker(index: index, options: options).rank(query, limit: limit)
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

    static let sections = """
        Apples

        The fruit keeps for weeks in a cool cellar. It bruises easily.

        Pears

        The fruit keeps for days on a warm shelf. It bruises easily.

        Can pears be frozen?

        Yes, sliced and sugared they freeze well.
        """

    @Test func aSentenceStandsUnderTheNearestTitleBeforeIt() throws {
        let index = try Fixtures.index([Self.sections])
        let ranker = SentenceRanker(index: index)
        func sentence(_ text: String) throws -> Int {
            try #require((0..<index.sentences.count).first { index.text(ofSentence: $0) == text })
        }
        let pearsTitle = try ranker.title(before: sentence("The fruit keeps for days on a warm shelf."))
        #expect(pearsTitle.map(index.text(ofSentence:)) == "Pears")
        // A question alone in its paragraph titles the answer below it, as in an FAQ.
        let faqTitle = try ranker.title(before: sentence("Yes, sliced and sugared they freeze well."))
        #expect(faqTitle.map(index.text(ofSentence:)) == "Can pears be frozen?")
        #expect(try ranker.title(before: sentence("Apples")) == nil)
    }

    @Test func theTitleASentenceStandsUnderLiftsIt() throws {
        let index = try Fixtures.index([Self.sections])
        let analyzer = Fixtures.analyzer
        let parsed = QuestionParser(analyzer: analyzer).parse("How long do pears keep?")
        let query = QueryBuilder(index: index, analyzer: analyzer).query(for: parsed.terms)
        let withTitles = try #require(SentenceRanker(index: index).rank(query, limit: 1).first)
        #expect(index.text(ofSentence: withTitles.sentence) == "The fruit keeps for days on a warm shelf.")
        // Without titles the two "keeps" sentences tie, and the earlier one wins.
        var options = RankingOptions()
        options.headingWeight = 0
        let without = try #require(SentenceRanker(index: index, options: options).rank(query, limit: 1).first)
        #expect(index.text(ofSentence: without.sentence) == "The fruit keeps for weeks in a cool cellar.")
    }

    /// The same item under two lead-ins: the one whose lead-in names what is asked wins.
    /// Without the colons neither list has a lead-in, and the two tie (the earlier wins).
    @Test(arguments: [(":", "cars"), (".", "apples")])
    func aListItemStandsUnderItsLeadIn(ending: String, winner: String) throws {
        let text = """
            Apples come in several colours\(ending)

            - Red and green are common.

            Cars are sold in several colours\(ending)

            - Red and green are common, too.
            """
        let index = try Fixtures.index([text])
        let ranked = rank("red and green cars", in: index)
        let expected = winner == "cars" ? "Red and green are common, too." : "Red and green are common."
        #expect(index.text(ofSentence: try #require(ranked.first).sentence) == expected)
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
        var options = RankingOptions()
        options.collapsesCopies = false
        #expect(rank("apples red", in: index, options: options).map(\.sentence) == [0, 1])
    }

    @Test func aCopyOfAPassageGivesNoSecondCandidate() throws {
        // The same paragraph twice (a file held under two names), then one that differs.
        let index = try Fixtures.index(["Apples are red.\n\nApples are red.\n\nApples are green."])
        #expect(rank("apples red", in: index).map(\.sentence) == [0, 2])
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
