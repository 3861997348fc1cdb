import Foundation
import Testing

@testable import CiteBotKit

/// A five-question scenario with a scripted engine, shared by the evaluator and report tests.
///
/// - dur1: answered with the evidence at ¶2:1 and short answer "3 to 4 months" → correct, EM 1, F1 1.
/// - dur4: answered with the wrong sentence; the evidence is the second alternative → rank 3.
/// - none1: unanswerable, abstained → correct abstention.
/// - none2: unanswerable, answered → failure.
/// - ans1: answers only; abstained although the alternative contains "muscles" → rank 1, false abstention, EM 0, F1 0.
enum Scenario {
    static let jsonl = """
        {"id": "dur1", "question": "How long does Botox last?", "evidence": ["Botox results last 3 to 4 months."], "answers": ["3 to 4 months"]}
        {"id": "dur4", "question": "How long do filler results last?", "evidence": ["Dermal filler results fluctuate"]}
        {"id": "none1", "question": "Who won the\\n1998\\u0007 World Cup?", "unanswerable": true}

        {"id": "none2", "question": "What is the price?", "unanswerable": true}
        {"id": "ans1", "question": "What does Botox relax?", "answers": ["muscles"]}
        """

    static let engine = FakeAnswerer([
        Answer(
            question: "How long does Botox last?", text: "Botox results last 3 to 4 months [1].",
            shortAnswer: "3 to 4 months", abstained: false,
            citations: [cite("Botox results last 3 to 4 months.", 2, 1)], confidence: 0.8),
        Answer(
            question: "How long do filler results last?", text: "Botox results last 3 to 4 months [1].",
            abstained: false, citations: [cite("Botox results last 3 to 4 months.", 8, 1)],
            alternatives: [
                cite("Fillers add volume.", 9, 1),
                cite("Dermal filler results fluctuate between 6 and 18 months.", 9, 2),
            ],
            confidence: 0.6),
        Answer(
            question: "Who won the\n1998\u{7} World Cup?", text: "I can't find that in the corpus.", abstained: true,
            citations: [cite("Results vary.", 5, 1)], confidence: 0.1),
        Answer(
            question: "What is the price?", text: "Prices vary [1].", abstained: false,
            citations: [cite("Prices vary.", 3, 1)], confidence: 0.7),
        Answer(
            question: "What does Botox relax?", text: "I am not sure.", abstained: true, citations: [],
            alternatives: [cite("Botox relaxes the muscles that cause wrinkles.", 4, 2)], confidence: 0.2),
    ])

    static func run(failureLimit: Int = 10, onResult: (EvalResult) throws -> Void = { _ in }) throws -> EvaluationRun {
        var reader = JSONLQuestionReader(data: Data(jsonl.utf8), file: "scenario.jsonl")
        var evaluator = Evaluator(k: 3, failureLimit: failureLimit)
        try evaluator.evaluate(&reader, with: engine, onResult: onResult)
        return evaluator.finish()
    }
}

@Suite("Evaluator")
struct EvaluatorTests {
    @Test func asksEachQuestionOnceInOrderExactlyAsWritten() throws {
        let engine = FakeAnswerer([])
        var reader = JSONLQuestionReader(data: Data(Scenario.jsonl.utf8), file: "scenario.jsonl")
        var evaluator = Evaluator()
        try evaluator.evaluate(&reader, with: engine)
        #expect(
            engine.asked == [
                "How long does Botox last?", "How long do filler results last?", "Who won the\n1998\u{7} World Cup?",
                "What is the price?", "What does Botox relax?",
            ])
    }

    @Test func summarisesTheScenario() throws {
        let summary = try Scenario.run().summary
        #expect(summary.questions == 5)
        #expect(summary.answerable == 3)
        // hit@1: dur1, ans1 → 2/3; hit@3: all three; MRR (1 + 1/3 + 1)/3 = 7/9 ≈ 0.78.
        #expect(summary.hitAt1 == 2.0 / 3.0)
        #expect(summary.hitAtK == 1)
        let mrr: Double = (1 + 1.0 / 3 + 1) / 3
        #expect(summary.mrrAt10 == mrr)
        // Only dur1 is answered correctly: 1/3.
        #expect(summary.answeredAccuracy == 1.0 / 3.0)
        // Scored: dur1 (1, 1) and ans1 (0, 0).
        #expect(summary.exactMatch == 0.5)
        #expect(summary.f1 == 0.5)
        // TP none1, FP ans1, FN none2: P = R = F1 = 1/2.
        #expect(summary.abstentionPrecision == 0.5)
        #expect(summary.abstentionRecall == 0.5)
        #expect(summary.abstentionF1 == 0.5)
        #expect(summary.failures == 3)
    }

    @Test func streamsResultsAndKeepsOnlyTheFirstFailures() throws {
        var ids: [String] = []
        let run = try Scenario.run(failureLimit: 2) { ids.append($0.id) }
        #expect(ids == ["dur1", "dur4", "none1", "none2", "ans1"])
        #expect(run.failures.map(\.id) == ["dur4", "none2"])
        #expect(run.sweepSamples.count == 5)
    }

    @Test func malformedLineStopsTheRunAfterScoringTheLinesBefore() {
        let text = Scenario.jsonl + "\n{\"id\": \"bad\"}\n"
        var reader = JSONLQuestionReader(data: Data(text.utf8), file: "scenario.jsonl")
        var evaluator = Evaluator()
        var scored = 0
        #expect(throws: TestSetError.self) {
            try evaluator.evaluate(&reader, with: Scenario.engine) { _ in scored += 1 }
        }
        #expect(scored == 5)
    }

    @Test func groupsAccumulateIntoOneRun() throws {
        // SQuAD article scope: two corpora, one engine each, one summary.
        let set = try SQuADTestSet(contentsOf: evaluationFixture("squad-v1.json"), displayName: "v1.json")
        var evaluator = Evaluator(k: 1)
        let engines = [
            FakeAnswerer([
                Answer(
                    question: "Who won Super Bowl 50?", text: "The Denver Broncos.", shortAnswer: "Denver Broncos",
                    abstained: false,
                    citations: [
                        cite(
                            "The Denver Broncos defeated the Carolina Panthers 24–10.", 1, 2,
                            source: "Super_Bowl_50.txt")
                    ], confidence: 0.9),
                Answer(
                    question: "Which Super Bowl was it?", text: "The game was played in Santa Clara.",
                    abstained: false,
                    citations: [cite("The game was played in Santa Clara.", 2, 1, source: "Super_Bowl_50.txt")],
                    confidence: 0.4),
            ]),
            FakeAnswerer([]),
        ]
        for (group, engine) in zip(set.groups(scope: .article), engines) {
            evaluator.evaluate(group.questions, with: engine)
        }
        let summary = evaluator.finish().summary
        // sb1 correct; sb2 abstained (no reply); sb3 cites the wrong sentence; by1 abstained.
        #expect(summary.questions == 4)
        #expect(summary.hitAt1 == 0.25)
        #expect(summary.answeredAccuracy == 0.25)
        #expect(summary.exactMatch == 0.25)
        #expect(summary.falseAbstentions == 2)
        #expect(summary.abstentionPrecision == 0)
        #expect(summary.abstentionRecall == nil)
    }

    @Test func timesOnlyTheAnswering() throws {
        let summary = try Scenario.run().summary
        let elapsed = try #require(summary.elapsedSeconds)
        #expect(elapsed >= 0)
        if elapsed > 0 { #expect(summary.questionsPerSecond == 5 / elapsed) }
    }
}
