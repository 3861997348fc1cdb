import Testing

@testable import CiteBotKit

@Suite("Evidence matching")
struct EvidenceMatcherTests {
    @Test func normalizationFoldsCaseQuotesDashesAndWhitespace() {
        let text = "  \u{201C}Botox\u{2019}s\u{201D}  Effect \u{2014}\tlasts\n 3\u{2013}4\u{00A0}months. "
        #expect(EvidenceMatcher.normalize(text) == "\"botox's\" effect - lasts 3-4 months.")
    }

    @Test func citedSentenceContainingTheEvidenceMatches() {
        #expect(
            EvidenceMatcher.matches(
                sentence: "Botox results last 3 to 4 months.", evidence: "botox results   last 3 to 4"))
    }

    @Test func evidenceContainingTheCitedSentenceMatches() {
        // The test author quoted two sentences; the splitter cited the second alone.
        #expect(EvidenceMatcher.matches(sentence: "Results vary.", evidence: "Botox lasts months. Results vary."))
    }

    @Test func curlyQuotesAndDashesMatchStraightOnes() {
        #expect(
            EvidenceMatcher.matches(
                sentence: "Patients say it\u{2019}s \u{201C}quick\u{201D} \u{2013} and safe.",
                evidence: "it's \"quick\" - and  safe"))
    }

    @Test func unrelatedTextDoesNotMatch() {
        #expect(!EvidenceMatcher.matches(sentence: "Fillers add volume.", evidence: "Botox relaxes muscles."))
    }

    @Test func emptyTextNeverMatches() {
        #expect(!EvidenceMatcher.matches(sentence: "Fillers add volume.", evidence: " \n "))
        #expect(!EvidenceMatcher.matches(sentence: "  ", evidence: "Fillers add volume."))
    }

    @Test func answersAreTheFallbackWhenThereIsNoEvidence() {
        let question = EvalQuestion(id: "q", question: "What does Botox relax?", answers: ["Muscles"])
        let prepared = EvidenceMatcher.Prepared(question)
        #expect(prepared.matches(cite("Botox relaxes the muscles.")))
        // Only the sentence containing the answer counts, not the reverse.
        #expect(!prepared.matches(cite("muscle")))
    }

    @Test func evidenceTakesPrecedenceOverAnswers() {
        let question = EvalQuestion(
            id: "q", question: "How long?", evidence: ["Botox lasts 3 months."], answers: ["3 months"])
        #expect(!question.isMatched(by: cite("Fillers last 3 months.")))
        #expect(question.isMatched(by: cite("Botox lasts 3 months.")))
    }

    @Test func unanswerableQuestionsMatchNothing() {
        let question = EvalQuestion(id: "q", question: "Who?", unanswerable: true)
        #expect(!question.isMatched(by: cite("Anything at all.")))
    }

    @Test func firstMatchRankIsOneBased() {
        let question = EvalQuestion(id: "q", question: "?", evidence: ["Gold."])
        let ranking = [cite("Wrong."), cite("Also wrong."), cite("Gold."), cite("Gold.")]
        #expect(EvidenceMatcher.Prepared(question).firstMatchRank(in: ranking) == 3)
        #expect(EvidenceMatcher.Prepared(question).firstMatchRank(in: []) == nil)
    }
}

@Suite("SQuAD gold locations")
struct GoldLocationTests {
    // Scalar offsets: "Alpha beta." [0, 11), "Gamma delta." [12, 24), "Alpha beta." [25, 36).
    let context = "Alpha beta. Gamma delta. Alpha beta."

    func gold(_ starts: [Int], paragraph: Int = 2) -> GoldLocation {
        GoldLocation(source: "a.txt", paragraph: paragraph, context: context, answerStarts: starts)
    }

    @Test func sentenceCoveringTheAnswerStartMatches() {
        #expect(gold([18]).isCovered(by: cite("Gamma delta.", 2, 2, source: "a.txt")))
    }

    @Test func sentenceEndIsExclusive() {
        #expect(!gold([24]).isCovered(by: cite("Gamma delta.", 2, 2, source: "a.txt")))
        #expect(!gold([11]).isCovered(by: cite("Gamma delta.", 2, 2, source: "a.txt")))
        #expect(gold([12]).isCovered(by: cite("Gamma delta.", 2, 2, source: "a.txt")))
    }

    @Test func anyOccurrenceOfARepeatedSentenceCounts() {
        // 31 is "beta" in the second "Alpha beta." only.
        #expect(gold([31]).isCovered(by: cite("Alpha beta.", 2, 3, source: "a.txt")))
    }

    @Test func wrongParagraphOrDocumentDoesNotMatch() {
        #expect(!gold([18]).isCovered(by: cite("Gamma delta.", 1, 2, source: "a.txt")))
        #expect(!gold([18]).isCovered(by: cite("Gamma delta.", 2, 2, source: "b.txt")))
    }

    @Test func offsetsCountUnicodeScalarsNotCharacters() {
        // "👍🏽" is one Character but two scalars, so "Next" starts at scalar 10
        // (2 + 1 + 6 + 1), not at character 9.
        let gold = GoldLocation(source: "a.txt", paragraph: 1, context: "👍🏽 Great. Next one.", answerStarts: [10])
        #expect(gold.isCovered(by: cite("Next one.", 1, 2, source: "a.txt")))
        #expect(!gold.isCovered(by: cite("Great.", 1, 1, source: "a.txt")))
    }
}
