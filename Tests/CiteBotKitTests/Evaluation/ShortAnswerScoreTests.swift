import Testing

@testable import CiteBotKit

@Suite("Short-answer EM and F1")
struct ShortAnswerScoreTests {
    @Test func normalizationLowercasesStripsPunctuationAndArticles() {
        #expect(ShortAnswerScore.normalize("The  Denver Broncos!") == ["denver", "broncos"])
        #expect(ShortAnswerScore.normalize("An apple, a day") == ["apple", "day"])
        // Articles inside words stay; punctuation is deleted, not replaced by a space.
        #expect(ShortAnswerScore.normalize("theme of-the") == ["theme", "ofthe"])
    }

    @Test func exactMatchComparesNormalisedText() {
        #expect(ShortAnswerScore.exactMatch("Denver Broncos", gold: ["Carolina", "The Denver Broncos."]) == 1)
        #expect(ShortAnswerScore.exactMatch("Broncos", gold: ["Denver Broncos"]) == 0)
    }

    @Test func f1CountsSharedTokens() {
        // pred {broncos, won}, gold {denver, broncos}: c = 1, p = 1/2, r = 1/2, F1 = 0.5.
        #expect(ShortAnswerScore.f1("the Broncos won", gold: ["Denver Broncos"]) == 0.5)
    }

    @Test func f1TakesTheBestGoldAnswer() {
        // vs "Carolina": c = 0, F1 = 0. vs {denver, broncos, defeated}: c = 2,
        // p = 2/2 = 1, r = 2/3, F1 = 2·(2/3) / (1 + 2/3) = (4/3)/(5/3) = 0.8.
        let f1 = ShortAnswerScore.f1("Denver Broncos", gold: ["Carolina", "Denver Broncos defeated"])
        #expect(abs((f1 ?? 0) - 0.8) < 1e-12)
    }

    @Test func f1CountsRepeatedTokensWithMultiplicity() {
        // pred {x, x, y}, gold {x, y, y}: c = min(2,1) + min(1,2) = 2, p = r = 2/3, F1 = 2/3.
        let f1 = ShortAnswerScore.f1("x x y", gold: ["x y y"])
        #expect(abs((f1 ?? 0) - 2.0 / 3.0) < 1e-12)
    }

    @Test func emptyAnswersFollowTheV2Script() {
        // "the" normalises to no tokens: empty vs empty scores 1, empty vs words 0.
        #expect(ShortAnswerScore.f1("", gold: ["the"]) == 1)
        #expect(ShortAnswerScore.exactMatch("", gold: ["the"]) == 1)
        #expect(ShortAnswerScore.f1("", gold: ["Denver"]) == 0)
    }

    @Test func noGoldAnswersMeansNotScored() {
        #expect(ShortAnswerScore.exactMatch("x", gold: []) == nil)
        #expect(ShortAnswerScore.f1("x", gold: []) == nil)
    }
}
