import Foundation
import Testing
@testable import CiteBotKit

/// Pins answer accuracy on the project's own question set, so no change can lower it
/// unnoticed. The floors are what `citebot eval TestSets/botox-vs-fillers.jsonl --top-k 1`
/// measured when they were set (README, "Evaluation"), rounded down; raise them when
/// accuracy improves. WordNet changes the figures, so each setting has its own floors.
@Suite struct ProjectTestSetTests {
    struct Floors {
        var hitAt1: Double
        var answeredAccuracy: Double
        var abstentionRecall: Double
    }

    static let withWordNet = Floors(hitAt1: 0.855, answeredAccuracy: 0.55, abstentionRecall: 1.0)
    static let withoutWordNet = Floors(hitAt1: 0.75, answeredAccuracy: 0.44, abstentionRecall: 1.0)

    @Test func accuracyStaysAtOrAboveTheMeasuredFloors() throws {
        let root = Fixtures.repositoryRoot
        let article = try Fixtures.bundledArticle
        let index = try IndexBuilder(analyzer: Fixtures.analyzer).build([article])
        let lexicon = WordNetLexicon()
        let answerer = Answerer(index: index, analyzer: Fixtures.analyzer, lexicon: lexicon,
                                options: AnswerOptions(topK: 1))
        var reader = try JSONLQuestionReader(contentsOf: root.appendingPathComponent("TestSets/botox-vs-fillers.jsonl"))
        var evaluator = Evaluator(k: 1, failureLimit: 0)
        try evaluator.evaluate(&reader, with: answerer)
        let summary = evaluator.finish().summary
        let floors = lexicon == nil ? Self.withoutWordNet : Self.withWordNet

        #expect(summary.answerable >= 60 && summary.unanswerable >= 15)
        #expect(try #require(summary.hitAt1) >= floors.hitAt1)
        #expect(try #require(summary.answeredAccuracy) >= floors.answeredAccuracy)
        #expect(try #require(summary.abstentionRecall) >= floors.abstentionRecall)
    }
}
