import Testing

@testable import CiteBotKit

@Suite("Metrics accumulator")
struct MetricsAccumulatorTests {
    /// Eight hand-made results, k = 3:
    /// - answerable a (rank 1, EM 1, F1 1), b (rank 2, EM 0, F1 0.5), c (rank 4),
    ///   d (rank 1 but abstained), e (no match);
    /// - unanswerable f (abstained), g (answered), h (abstained).
    static let results = [
        result("a", rank: 1, em: 1, f1: 1),
        result("b", rank: 2, em: 0, f1: 0.5),
        result("c", rank: 4),
        result("d", abstained: true, rank: 1),
        result("e", rank: nil),
        result("f", unanswerable: true, abstained: true),
        result("g", unanswerable: true),
        result("h", unanswerable: true, abstained: true),
    ]

    func summary(elapsedSeconds: Double? = 2) -> EvalSummary {
        var accumulator = MetricsAccumulator(k: 3)
        for result in Self.results { accumulator.add(result) }
        return accumulator.summary(elapsedSeconds: elapsedSeconds)
    }

    @Test func countsQuestionsByKind() {
        let summary = summary()
        #expect(summary.questions == 8)
        #expect(summary.answerable == 5)
        #expect(summary.unanswerable == 3)
    }

    @Test func rankingMetricsIgnoreAbstention() {
        let summary = summary()
        // hit@1: a, d → 2/5. hit@3: a, b, d → 3/5.
        #expect(summary.hitAt1 == 0.4)
        #expect(summary.hitAtK == 0.6)
        // MRR@10: (1/1 + 1/2 + 1/4 + 1/1 + 0) / 5 = 2.75 / 5 = 0.55.
        #expect(summary.mrrAt10 == 0.55)
    }

    @Test func answeredAccuracyNeedsAnAnswer() {
        // Only a is answered with a correct first citation (d abstained): 1/5.
        let summary = summary()
        #expect(summary.answeredCorrectly == 1)
        #expect(summary.answeredAccuracy == 0.2)
    }

    @Test func shortAnswerScoresAverageOverScoredQuestionsOnly() {
        // Scored: a, b. EM (1 + 0)/2 = 0.5; F1 (1 + 0.5)/2 = 0.75.
        let summary = summary()
        #expect(summary.scoredShortAnswers == 2)
        #expect(summary.exactMatch == 0.5)
        #expect(summary.f1 == 0.75)
    }

    @Test func abstentionTreatsShouldAbstainAsPositive() {
        // TP = f, h (2); FP = d (1); FN = g (1).
        // P = 2/3, R = 2/3, F1 = 2·2 / (2·2 + 1 + 1) = 4/6.
        let summary = summary()
        #expect(summary.abstained == 3)
        #expect(summary.correctAbstentions == 2)
        #expect(summary.falseAbstentions == 1)
        #expect(summary.answeredUnanswerable == 1)
        #expect(summary.abstentionPrecision == 2.0 / 3.0)
        #expect(summary.abstentionRecall == 2.0 / 3.0)
        #expect(summary.abstentionF1 == 4.0 / 6.0)
        // Failures: 5 answerable − 1 answered correctly + 1 answered unanswerable.
        #expect(summary.failures == 5)
    }

    @Test func speedUsesTheElapsedTimeGiven() {
        #expect(summary(elapsedSeconds: 2).questionsPerSecond == 4)
        #expect(summary(elapsedSeconds: nil).questionsPerSecond == nil)
        #expect(summary(elapsedSeconds: 0).questionsPerSecond == nil)
    }

    @Test func ranksBeyondTenAddNothingToMRR() {
        var accumulator = MetricsAccumulator(k: 3)
        accumulator.add(result("far", rank: 11))
        accumulator.add(result("ten", rank: 10))
        // (0 + 1/10) / 2 = 0.05.
        #expect(accumulator.summary().mrrAt10 == 0.05)
    }

    @Test func emptyRunMeasuresNothing() {
        let summary = MetricsAccumulator().summary()
        #expect(summary.questions == 0)
        #expect(summary.hitAt1 == nil)
        #expect(summary.mrrAt10 == nil)
        #expect(summary.exactMatch == nil)
        #expect(summary.abstentionPrecision == nil)
        #expect(summary.abstentionF1 == nil)
    }

    @Test func neverAbstainingLeavesPrecisionUnmeasuredButF1Zero() {
        // TP = 0, FP = 0, FN = 1: P = 0/0 (unmeasured), R = 0/1 = 0, F1 = 0/(0 + 0 + 1) = 0.
        var accumulator = MetricsAccumulator()
        accumulator.add(result("u", unanswerable: true))
        accumulator.add(result("a", rank: 1))
        let summary = accumulator.summary()
        #expect(summary.abstentionPrecision == nil)
        #expect(summary.abstentionRecall == 0)
        #expect(summary.abstentionF1 == 0)
    }
}

@Suite("Per-question results")
struct EvalResultTests {
    let question = EvalQuestion(
        id: "q", question: "How long does Botox last?", evidence: ["Botox lasts 3 months."], answers: ["3 months"])

    @Test func rankingIncludesAlternativesEvenWhenAbstained() {
        let answer = Answer(
            question: question.question, text: "I am not sure.", abstained: true,
            citations: [cite("Fillers last a year.")], alternatives: [cite("Botox lasts 3 months.", 2, 1)],
            confidence: 0.1)
        let scored = EvalResult(question: question, answer: answer, k: 3)
        #expect(scored.firstMatchRank == 2)
        #expect(!scored.hitAt1)
        #expect(scored.hitAtK)
        #expect(!scored.answeredCorrectly)
        #expect(scored.topCitation?.text == "Fillers last a year.")
        // An abstention is the empty answer: EM 0, F1 0.
        #expect(scored.exactMatch == 0)
        #expect(scored.f1 == 0)
        #expect(scored.isFailure)
    }

    @Test func shortAnswerIsScoredWhenGiven() {
        let answer = Answer(
            question: question.question, text: "Botox lasts 3 months [1].", shortAnswer: "3 months",
            abstained: false, citations: [cite("Botox lasts 3 months.")], confidence: 0.9)
        let scored = EvalResult(question: question, answer: answer, k: 3)
        #expect(scored.answeredCorrectly)
        #expect(scored.exactMatch == 1)
        #expect(scored.f1 == 1)
        #expect(scored.answerText == "3 months")
        #expect(!scored.isFailure)
    }

    @Test func templatedTextIsScoredWithoutAShortAnswer() {
        // pred {botox, lasts, 3, months}, gold {3, months}: c = 2, p = 2/4, r = 1, F1 = 1/(1.5) = 2/3.
        let answer = Answer(
            question: question.question, text: "Botox lasts 3 months.", abstained: false,
            citations: [cite("Botox lasts 3 months.")], confidence: 0.9)
        let scored = EvalResult(question: question, answer: answer, k: 3)
        #expect(scored.exactMatch == 0)
        #expect(abs((scored.f1 ?? 0) - 2.0 / 3.0) < 1e-12)
    }

    @Test func answeringAnUnanswerableQuestionIsAFailure() {
        let unanswerable = EvalQuestion(id: "u", question: "Who?", unanswerable: true)
        let answer = Answer(
            question: "Who?", text: "Someone.", abstained: false, citations: [cite("Someone did it.")],
            confidence: 0.7)
        let scored = EvalResult(question: unanswerable, answer: answer, k: 3)
        #expect(scored.firstMatchRank == nil)
        #expect(scored.exactMatch == nil)
        #expect(scored.expected == nil)
        #expect(scored.isFailure)
    }
}
