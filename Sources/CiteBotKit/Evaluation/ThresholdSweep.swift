/// What the threshold sweep needs to know about one question.
public struct SweepSample: Sendable, Hashable, Codable {
    /// The engine's confidence in its first citation.
    public var confidence: Double
    /// Whether the ranking had any sentence to cite.
    public var hasCitation: Bool
    /// Whether the first ranked sentence is a correct citation.
    public var topCorrect: Bool
    /// Whether the right reply is to abstain.
    public var unanswerable: Bool

    /// A sample from its four facts.
    public init(confidence: Double, hasCitation: Bool, topCorrect: Bool, unanswerable: Bool) {
        self.confidence = confidence
        self.hasCitation = hasCitation
        self.topCorrect = topCorrect
        self.unanswerable = unanswerable
    }

    /// The sample of a scored question.
    public init(_ result: EvalResult) {
        self.init(
            confidence: result.confidence, hasCitation: result.topCitation != nil,
            topCorrect: result.firstMatchRank == 1, unanswerable: result.unanswerable)
    }
}

/// The thresholds a sweep tries: `lower`, `lower + step`, … up to `upper`.
public struct SweepOptions: Sendable, Hashable {
    /// The first threshold.
    public let lower: Double
    /// The last threshold.
    public let upper: Double
    /// The distance between thresholds.
    public let step: Double

    /// 0.00, 0.02, …, 1.00: 51 thresholds.
    public static let standard = SweepOptions(checkedLower: 0, upper: 1, step: 0.02)

    /// - Throws: ``SweepOptionsError`` unless 0 ≤ `lower` ≤ `upper` ≤ 1, `step` > 0,
    ///   and there are at most 10,001 thresholds.
    public init(lower: Double = 0, upper: Double = 1, step: Double = 0.02) throws(SweepOptionsError) {
        guard lower.isFinite, upper.isFinite, lower >= 0, upper <= 1, lower <= upper else {
            throw .invalidRange(lower: lower, upper: upper)
        }
        guard step.isFinite, step > 0, (upper - lower) / step <= 10_000 else { throw .invalidStep(step) }
        self.init(checkedLower: lower, upper: upper, step: step)
    }

    private init(checkedLower lower: Double, upper: Double, step: Double) {
        self.lower = lower
        self.upper = upper
        self.step = step
    }

    /// The thresholds in increasing order.
    ///
    /// Threshold *i* is `lower + (upper − lower) · i / n` with
    /// *n* = round((upper − lower) / step), rounded to 10 decimals, rather than a
    /// running sum of `step`: so 0.06 is the double nearest 0.06 (what a user
    /// types) and a confidence of exactly 0.06 is answered at threshold 0.06.
    public var thresholds: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        guard count > 0 else { return [lower] }
        return (0...count).map { index in
            let exact = lower + (upper - lower) * Double(index) / Double(count)
            return (exact * 1e10).rounded() / 1e10
        }
    }
}

/// Why sweep options were rejected.
public enum SweepOptionsError: Error, CustomStringConvertible, Equatable {
    /// The range is empty, reversed or outside [0, 1].
    case invalidRange(lower: Double, upper: Double)
    /// The step is not positive or gives too many thresholds.
    case invalidStep(Double)

    /// A message naming the problem and how to fix it.
    public var description: String {
        switch self {
        case .invalidRange(let lower, let upper):
            "invalid sweep range \(lower)…\(upper): thresholds must satisfy 0 ≤ from ≤ to ≤ 1"
        case .invalidStep(let step):
            "invalid sweep step \(step): use a positive step giving at most 10,000 steps, e.g. 0.02"
        }
    }
}

/// Coverage, accuracy and abstention quality at a range of confidence thresholds,
/// for choosing `--min-score`.
///
/// At threshold *t* a question is **answered** when it has a sentence to cite and
/// confidence ≥ *t*, else abstained (this mirrors the engine's own rule, so the
/// point at the current `--min-score` reproduces the run). Over *n* questions:
/// - coverage = answered / *n*;
/// - accuracy of answered = (answered with a correct first citation) / answered,
///   an answered unanswerable question counting as wrong;
/// - abstention F1 = 2*TP* / (2*TP* + *FP* + *FN*) with *TP* = unanswerable and
///   abstained, *FP* = answerable and abstained, *FN* = unanswerable and answered;
/// - decision accuracy = (answered correctly + abstained correctly) / *n*, where
///   abstaining is correct when the question is unanswerable or its first
///   citation would have been wrong.
///
/// **Best threshold**: the one with the highest decision accuracy, the share of
/// questions on which the user saw the right behaviour (a correct citation, or
/// no answer where any answer would have been wrong); ties go to the lower
/// threshold, which answers more.
public struct ThresholdSweep: Sendable, Hashable {
    /// The figures at one threshold.
    public struct Point: Sendable, Hashable, Codable {
        /// The confidence threshold *t*.
        public var threshold: Double
        /// Questions answered at *t*.
        public var answered: Int
        /// Answerable questions answered with a correct first citation.
        public var answeredCorrectly: Int
        /// Questions abstained on where abstaining was right.
        public var abstainedCorrectly: Int
        /// answered / *n*; nil without questions.
        public var coverage: Double?
        /// answeredCorrectly / answered; nil when nothing is answered.
        public var accuracy: Double?
        /// Abstention F1 at *t*; nil when there is neither an abstention nor an unanswerable question.
        public var abstentionF1: Double?
        /// (answeredCorrectly + abstainedCorrectly) / *n*; nil without questions.
        public var decisionAccuracy: Double?
    }

    /// One point per threshold, in increasing threshold order.
    public var points: [Point]
    /// The index in `points` of the best threshold; nil without questions.
    public var bestIndex: Int?

    /// The best point, if any.
    public var best: Point? { bestIndex.map { points[$0] } }

    /// Sweeps `options.thresholds` over `samples`.
    ///
    /// - Complexity: O(*T* · *n*) for *T* thresholds and *n* samples.
    public init(samples: [SweepSample], options: SweepOptions = .standard) {
        points = options.thresholds.map { Self.point(at: $0, samples: samples) }
        bestIndex = nil
        var bestScore = -1.0
        for (index, point) in points.enumerated() {
            if let score = point.decisionAccuracy, score > bestScore {
                bestScore = score
                bestIndex = index
            }
        }
    }

    /// The figures at one threshold, which need not lie on the sweep's grid
    /// (used to mark the current `--min-score`).
    ///
    /// - Complexity: O(*n*).
    public static func point(at threshold: Double, samples: [SweepSample]) -> Point {
        var answered = 0
        var answeredCorrectly = 0
        var abstainedCorrectly = 0
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        for sample in samples {
            let answers = sample.hasCitation && sample.confidence >= threshold
            let right = !sample.unanswerable && sample.topCorrect
            if answers {
                answered += 1
                if right { answeredCorrectly += 1 }
                if sample.unanswerable { falseNegatives += 1 }
            } else {
                if !right { abstainedCorrectly += 1 }
                if sample.unanswerable { truePositives += 1 } else { falsePositives += 1 }
            }
        }
        let total = samples.count
        let f1Denominator = 2 * truePositives + falsePositives + falseNegatives
        return Point(
            threshold: threshold,
            answered: answered,
            answeredCorrectly: answeredCorrectly,
            abstainedCorrectly: abstainedCorrectly,
            coverage: total > 0 ? Double(answered) / Double(total) : nil,
            accuracy: answered > 0 ? Double(answeredCorrectly) / Double(answered) : nil,
            abstentionF1: f1Denominator > 0 ? Double(2 * truePositives) / Double(f1Denominator) : nil,
            decisionAccuracy: total > 0 ? Double(answeredCorrectly + abstainedCorrectly) / Double(total) : nil)
    }
}
