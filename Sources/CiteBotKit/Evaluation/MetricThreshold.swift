/// A metric that `--fail-under` can gate on.
public enum EvalMetric: Sendable, Hashable, CustomStringConvertible {
    /// hit@*n*: `hit@1`, or `hit@N` for the run's *k*.
    case hit(at: Int)
    /// `hit@k`: hit at whatever *k* the run used.
    case hitAtK
    /// `mrr@10`.
    case mrrAt10
    /// `answered-accuracy`.
    case answeredAccuracy
    /// `em`: short-answer exact match.
    case exactMatch
    /// `f1`: short-answer token F1.
    case f1
    /// `abstention-precision`.
    case abstentionPrecision
    /// `abstention-recall`.
    case abstentionRecall
    /// `abstention-f1`.
    case abstentionF1

    /// The names accepted by ``init(name:)``, for help and error messages.
    public static let names = [
        "hit@1", "hit@N", "hit@k", "mrr@10", "answered-accuracy", "em", "f1",
        "abstention-precision", "abstention-recall", "abstention-f1",
    ]

    /// Parses a metric name, case-insensitively; nil when unknown.
    public init?(name: String) {
        let name = name.lowercased()
        switch name {
        case "hit@k": self = .hitAtK
        case "mrr@10", "mrr": self = .mrrAt10
        case "answered-accuracy": self = .answeredAccuracy
        case "em", "exact-match": self = .exactMatch
        case "f1": self = .f1
        case "abstention-precision": self = .abstentionPrecision
        case "abstention-recall": self = .abstentionRecall
        case "abstention-f1": self = .abstentionF1
        default:
            guard name.hasPrefix("hit@"), let n = Int(name.dropFirst(4)), n >= 1,
                name.dropFirst(4).allSatisfy(\.isASCII)
            else { return nil }
            self = .hit(at: n)
        }
    }

    /// The name as written on the command line, e.g. `hit@3`.
    public var description: String {
        switch self {
        case .hit(let n): "hit@\(n)"
        case .hitAtK: "hit@k"
        case .mrrAt10: "mrr@10"
        case .answeredAccuracy: "answered-accuracy"
        case .exactMatch: "em"
        case .f1: "f1"
        case .abstentionPrecision: "abstention-precision"
        case .abstentionRecall: "abstention-recall"
        case .abstentionF1: "abstention-f1"
        }
    }

    /// The metric's value in `summary`: nil when unmeasured (no denominator).
    ///
    /// - Throws: ``MetricThresholdError/notComputed(metric:k:)`` for hit@*N* when
    ///   *N* is neither 1 nor the run's *k*.
    public func value(in summary: EvalSummary) throws(MetricThresholdError) -> Double? {
        switch self {
        case .hit(let n) where n == 1: return summary.hitAt1
        case .hit(let n) where n == summary.k: return summary.hitAtK
        case .hit: throw .notComputed(metric: description, k: summary.k)
        case .hitAtK: return summary.hitAtK
        case .mrrAt10: return summary.mrrAt10
        case .answeredAccuracy: return summary.answeredAccuracy
        case .exactMatch: return summary.exactMatch
        case .f1: return summary.f1
        case .abstentionPrecision: return summary.abstentionPrecision
        case .abstentionRecall: return summary.abstentionRecall
        case .abstentionF1: return summary.abstentionF1
        }
    }
}

/// A `--fail-under METRIC=VALUE` gate: the run fails when the metric is below `minimum`.
public struct MetricThreshold: Sendable, Hashable, CustomStringConvertible {
    /// The gated metric.
    public var metric: EvalMetric
    /// The lowest acceptable value, in [0, 1].
    public var minimum: Double

    /// A gate requiring `metric` ≥ `minimum`.
    public init(metric: EvalMetric, minimum: Double) {
        self.metric = metric
        self.minimum = minimum
    }

    /// Parses `METRIC=VALUE`, e.g. `hit@1=0.85`; spaces around either side are ignored.
    ///
    /// - Throws: ``MetricThresholdError`` for a missing `=`, an unknown metric, or a
    ///   value that is not a number in [0, 1].
    public init(parsing text: String) throws(MetricThresholdError) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .missingValue(text) }
        let name = parts[0].trimmingWhitespace()
        let valueText = parts[1].trimmingWhitespace()
        guard let metric = EvalMetric(name: name) else { throw .unknownMetric(name) }
        guard let value = Double(valueText), value.isFinite, value >= 0, value <= 1 else {
            throw .invalidValue(valueText, metric: metric.description)
        }
        self.init(metric: metric, minimum: value)
    }

    /// The argument form, e.g. `hit@1=0.85`.
    public var description: String { "\(metric)=\(EvalFormat.trimmed(minimum))" }

    /// The thresholds `summary` falls below, in the order given.
    ///
    /// A metric that was not measured (for example `em` without gold answers) or
    /// not computed (hit@*N* for another *N* than the run's *k*) fails its gate:
    /// a CI gate that cannot be checked must not pass silently.
    public static func failures(of thresholds: [MetricThreshold], in summary: EvalSummary) -> [ThresholdFailure] {
        thresholds.compactMap { (threshold) -> ThresholdFailure? in
            do throws(MetricThresholdError) {
                guard let actual = try threshold.metric.value(in: summary) else {
                    return ThresholdFailure(threshold: threshold, actual: nil, reason: "was not measured on this test set")
                }
                return actual < threshold.minimum
                    ? ThresholdFailure(threshold: threshold, actual: actual, reason: nil) : nil
            } catch {
                return ThresholdFailure(threshold: threshold, actual: nil, reason: error.description)
            }
        }
    }
}

/// A gate that failed, with the value found.
public struct ThresholdFailure: Sendable, Hashable, CustomStringConvertible {
    /// The gate.
    public var threshold: MetricThreshold
    /// The measured value; nil when it could not be measured.
    public var actual: Double?
    /// Why there is no value, when `actual` is nil.
    public var reason: String?

    /// E.g. `hit@1 0.80 is below the required 0.85`.
    public var description: String {
        let metric = threshold.metric.description
        let required = EvalFormat.trimmed(threshold.minimum)
        if let actual {
            return "\(metric) \(EvalFormat.trimmed(actual)) is below the required \(required)"
        }
        return "\(metric) \(reason ?? "was not measured"); required \(required)"
    }
}

/// Why a `--fail-under` argument was rejected.
public enum MetricThresholdError: Error, CustomStringConvertible, Equatable {
    /// No `=` in the argument.
    case missingValue(String)
    /// The metric name is not known.
    case unknownMetric(String)
    /// The value is not a number between 0 and 1.
    case invalidValue(String, metric: String)
    /// hit@*N* was asked for but the run computed hit@*k* for another *k*.
    case notComputed(metric: String, k: Int)

    /// A message naming the problem and how to fix it.
    public var description: String {
        switch self {
        case .missingValue(let text):
            "invalid --fail-under \"\(text)\": expected METRIC=VALUE, e.g. hit@1=0.85"
        case .unknownMetric(let name):
            "unknown metric \"\(name)\" in --fail-under; known metrics: "
                + EvalMetric.names.joined(separator: ", ")
        case .invalidValue(let value, let metric):
            "invalid value \"\(value)\" for \(metric) in --fail-under: give a number between 0 and 1, e.g. \(metric)=0.85"
        case .notComputed(let metric, let k):
            "\(metric) was not computed: this run measured hit@1 and hit@\(k) (set --top-k to the N of hit@N)"
        }
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
