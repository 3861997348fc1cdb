import Testing
@testable import CiteBotKit

@Suite struct AnswererTests {
    static let corpus = """
        Kettle guide

        An electric kettle boils water in about three minutes. Its element sits under the base.

        Descaling keeps a kettle efficient. Limescale builds up because hard water leaves minerals behind.

        A stovetop kettle whistles when the water boils. It works by forcing steam through a narrow spout.
        """

    func answerer(_ options: AnswerOptions = AnswerOptions()) throws -> Answerer {
        Answerer(index: try Fixtures.index([Self.corpus]), analyzer: Fixtures.analyzer, options: options)
    }

    @Test func answersWithAVerbatimCitation() throws {
        let answer = try answerer().answer("Why does limescale build up?")
        #expect(!answer.abstained)
        let citation = try #require(answer.citations.first)
        #expect(citation.text == "Limescale builds up because hard water leaves minerals behind.")
        #expect(citation.source == "doc1.txt")
        #expect(citation.paragraph == 3 && citation.sentence == 2)
        #expect(Self.corpus.contains(citation.text))
        #expect(answer.text == citation.text + " [1]")
    }

    @Test func extractsAShortDurationAnswer() throws {
        let answer = try answerer().answer("How long does an electric kettle take to boil water?")
        #expect(answer.shortAnswer == "about three minutes")
        #expect(answer.text == "About three minutes. [1]")
        #expect(answer.citations.first?.text == "An electric kettle boils water in about three minutes.")
    }

    @Test func abstainsWhenTheQuestionIsMostlyUnknown() throws {
        let answer = try answerer().answer("What is the capital of France?")
        #expect(answer.abstained)
        #expect(answer.text == Answerer.abstentionText)
    }

    @Test func abstainsOnATopicWordAmongUnknownOnes() throws {
        let answer = try answerer().answer("Which political party invented the kettle?")
        #expect(answer.abstained)
    }

    @Test func minScoreZeroNeverAbstainsWhenSomethingMatches() throws {
        let answer = try answerer(AnswerOptions(minScore: 0)).answer("Which political party invented the kettle?")
        #expect(!answer.abstained)
        #expect(!answer.citations.isEmpty)
    }

    @Test func stopWordOnlyQuestionAbstains() throws {
        let answer = try answerer().answer("what is it?")
        #expect(answer.abstained && answer.citations.isEmpty)
    }

    @Test func comparisonCitesBothSides() throws {
        let answer = try answerer(AnswerOptions(minScore: 0)).answer("electric kettle vs stovetop kettle")
        #expect(answer.kind == .comparison)
        #expect(answer.citations.count >= 2)
        let texts = answer.citations.map(\.text)
        #expect(texts.contains { $0.contains("electric") })
        #expect(texts.contains { $0.contains("stovetop") })
    }

    @Test func topKCitesDistinctSentencesBestFirst() throws {
        let answer = try answerer(AnswerOptions(topK: 3, minScore: 0)).answer("kettle water boils")
        #expect(answer.citations.count == 3)
        #expect(Set(answer.citations.map(\.text)).count == 3)
        let scores = answer.citations.map(\.score)
        #expect(scores == scores.sorted(by: >))
    }

    @Test func alternativesFollowTheCitations() throws {
        let answer = try answerer().answer("kettle")
        let cited = Set(answer.citations.map(\.text))
        #expect(answer.alternatives.allSatisfy { !cited.contains($0.text) })
    }
}
