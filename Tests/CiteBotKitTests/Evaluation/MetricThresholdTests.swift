import Testing

@testable import CiteBotKit

@Suite("Fail-under thresholds")
struct MetricThresholdTests {
    static let valid: [(text: String, metric: EvalMetric, minimum: Double)] = [
        ("hit@1=0.85", .hit(at: 1), 0.85),
        ("HIT@3 = 0.9", .hit(at: 3), 0.9),
        ("hit@k=0.5", .hitAtK, 0.5),
        ("mrr@10=0.7", .mrrAt10, 0.7),
        ("answered-accuracy=1", .answeredAccuracy, 1),
        ("em=0", .exactMatch, 0),
        ("f1=0.71", .f1, 0.71),
        ("abstention-precision=0.9", .abstentionPrecision, 0.9),
        ("abstention-recall=0.8", .abstentionRecall, 0.8),
        ("abstention-f1=.85", .abstentionF1, 0.85),
    ]

    @Test(arguments: valid)
    func parsesKnownMetrics(text: String, metric: EvalMetric, minimum: Double) throws {
        let threshold = try MetricThreshold(parsing: text)
        #expect(threshold.metric == metric)
        #expect(threshold.minimum == minimum)
    }

    static let invalid: [(text: String, error: MetricThresholdError)] = [
        ("hit@1", .missingValue("hit@1")),
        ("hits@1=0.8", .unknownMetric("hits@1")),
        ("hit@0=0.5", .unknownMetric("hit@0")),
        ("hit@x=0.5", .unknownMetric("hit@x")),
        ("=0.5", .unknownMetric("")),
        ("hit@1=high", .invalidValue("high", metric: "hit@1")),
        ("hit@1=85", .invalidValue("85", metric: "hit@1")),
        ("f1=-0.1", .invalidValue("-0.1", metric: "f1")),
        ("em=nan", .invalidValue("nan", metric: "em")),
        ("em=", .invalidValue("", metric: "em")),
    ]

    @Test(arguments: invalid)
    func rejectsBadArguments(text: String, error: MetricThresholdError) {
        #expect(throws: error) { try MetricThreshold(parsing: text) }
    }

    @Test func unknownMetricErrorListsTheKnownNames() {
        let message = MetricThresholdError.unknownMetric("hits@1").description
        #expect(message.contains("hit@1, hit@N, hit@k, mrr@10, answered-accuracy, em, f1"))
    }

    @Test func reportsOnlyTheThresholdsThatFail() throws {
        // Summary of the accumulator suite: hit@1 0.4, hit@3 0.6, MRR 0.55, EM 0.5.
        var accumulator = MetricsAccumulator(k: 3)
        for result in MetricsAccumulatorTests.results { accumulator.add(result) }
        let summary = accumulator.summary()
        let thresholds = try ["hit@1=0.85", "mrr@10=0.5", "hit@3=0.6", "em=0.6", "hit@5=0.1"].map(MetricThreshold.init(parsing:))
        let failures = MetricThreshold.failures(of: thresholds, in: summary)
        #expect(failures.map(\.threshold.metric) == [.hit(at: 1), .exactMatch, .hit(at: 5)])
        #expect(failures[0].description == "hit@1 0.4 is below the required 0.85")
        #expect(failures[2].description.contains("hit@5 was not computed"))
    }

    @Test func unmeasuredMetricFailsItsGate() throws {
        var accumulator = MetricsAccumulator()
        accumulator.add(result("a", rank: 1))
        let failures = MetricThreshold.failures(of: [try MetricThreshold(parsing: "em=0.1")], in: accumulator.summary())
        #expect(failures.count == 1)
        #expect(failures.first?.description == "em was not measured on this test set; required 0.1")
    }
}
