/// Folds per-question results into an ``EvalSummary``, one result at a time.
///
/// Pure and streaming: it keeps counts and sums only, never the results, so a
/// run over any number of questions needs constant memory, and feeding the same
/// results in the same order always gives the same summary (this is how the JSON
/// report's results recompute its summary). Timing is passed in, not measured.
public struct MetricsAccumulator: Sendable, Hashable {
    /// The cut-off of hit@k.
    public let k: Int
    private var questions = 0
    private var answerable = 0
    private var hitsAt1 = 0
    private var hitsAtK = 0
    private var reciprocalRankSum = 0.0
    private var answeredCorrectly = 0
    private var scoredShortAnswers = 0
    private var exactMatchSum = 0.0
    private var f1Sum = 0.0
    private var abstained = 0
    private var correctAbstentions = 0
    private var falseAbstentions = 0
    private var answeredUnanswerable = 0

    /// The depth of MRR: ranks beyond it contribute 0.
    public static let mrrDepth = 10

    /// Creates an empty accumulator; `k` below 1 counts as 1.
    public init(k: Int = 3) {
        self.k = max(1, k)
    }

    /// Adds one question's result.
    ///
    /// Hits are taken from `result.firstMatchRank` against this accumulator's `k`
    /// (the result's own hit flags are for readers of the report).
    /// - Complexity: O(1).
    public mutating func add(_ result: EvalResult) {
        questions += 1
        if result.abstained { abstained += 1 }
        if result.unanswerable {
            if result.abstained { correctAbstentions += 1 } else { answeredUnanswerable += 1 }
            return
        }
        answerable += 1
        if result.abstained { falseAbstentions += 1 }
        if let rank = result.firstMatchRank {
            if rank == 1 { hitsAt1 += 1 }
            if rank <= k { hitsAtK += 1 }
            if rank <= Self.mrrDepth { reciprocalRankSum += 1 / Double(rank) }
        }
        if result.answeredCorrectly { answeredCorrectly += 1 }
        if let exactMatch = result.exactMatch, let f1 = result.f1 {
            scoredShortAnswers += 1
            exactMatchSum += exactMatch
            f1Sum += f1
        }
    }

    /// The figures so far.
    ///
    /// - Parameter elapsedSeconds: time spent answering, measured by the caller;
    ///   nil leaves the speed unmeasured.
    public func summary(elapsedSeconds: Double? = nil) -> EvalSummary {
        func ratio(_ numerator: Double, _ denominator: Int) -> Double? {
            denominator > 0 ? numerator / Double(denominator) : nil
        }
        let truePositives = correctAbstentions
        let speed = elapsedSeconds.flatMap { $0 > 0 && $0.isFinite ? Double(questions) / $0 : nil }
        return EvalSummary(
            questions: questions,
            answerable: answerable,
            unanswerable: questions - answerable,
            k: k,
            hitAt1: ratio(Double(hitsAt1), answerable),
            hitAtK: ratio(Double(hitsAtK), answerable),
            mrrAt10: ratio(reciprocalRankSum, answerable),
            answeredCorrectly: answeredCorrectly,
            answeredAccuracy: ratio(Double(answeredCorrectly), answerable),
            scoredShortAnswers: scoredShortAnswers,
            exactMatch: ratio(exactMatchSum, scoredShortAnswers),
            f1: ratio(f1Sum, scoredShortAnswers),
            abstained: abstained,
            correctAbstentions: correctAbstentions,
            falseAbstentions: falseAbstentions,
            answeredUnanswerable: answeredUnanswerable,
            abstentionPrecision: ratio(Double(truePositives), truePositives + falseAbstentions),
            abstentionRecall: ratio(Double(truePositives), truePositives + answeredUnanswerable),
            abstentionF1: ratio(
                Double(2 * truePositives), 2 * truePositives + falseAbstentions + answeredUnanswerable),
            elapsedSeconds: elapsedSeconds,
            questionsPerSecond: speed
        )
    }
}
