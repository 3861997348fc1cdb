/// The figures of one evaluation run, computed by ``MetricsAccumulator``.
///
/// Ratios are nil when their denominator is zero (for example `exactMatch` when no
/// question has gold answers): "not measured" is reported as such, never as 0.
/// Notation: *A* = answerable questions, *U* = unanswerable ones, and for an
/// answerable question *q*, rank(*q*) = ``EvalResult/firstMatchRank``.
public struct EvalSummary: Sendable, Hashable, Codable {
    /// All questions evaluated.
    public var questions: Int
    /// |*A*|.
    public var answerable: Int
    /// |*U*|.
    public var unanswerable: Int
    /// The cut-off of `hitAtK`.
    public var k: Int
    /// hit@1 = |{*q* ∈ *A* : rank(*q*) = 1}| / |*A*|, on the ranking whether or not the engine abstained.
    public var hitAt1: Double?
    /// hit@k = |{*q* ∈ *A* : rank(*q*) ≤ *k*}| / |*A*|.
    public var hitAtK: Double?
    /// MRR@10 = (1/|*A*|) Σ_{*q* ∈ *A*} 1/rank(*q*), where a term is 0 when rank(*q*) > 10 or there is no match.
    public var mrrAt10: Double?
    /// Answerable questions answered (not abstained) with a correct first citation.
    public var answeredCorrectly: Int
    /// Answered accuracy = `answeredCorrectly` / |*A*|: the share of answerable
    /// questions on which the user gets a correct cited answer.
    public var answeredAccuracy: Double?
    /// Questions scored for short answers: answerable ones with gold `answers`.
    public var scoredShortAnswers: Int
    /// Mean short-answer exact match over the scored questions.
    public var exactMatch: Double?
    /// Mean short-answer token F1 over the scored questions.
    public var f1: Double?
    /// Questions on which the engine abstained.
    public var abstained: Int
    /// True positives of abstention, *TP* = unanswerable and abstained.
    public var correctAbstentions: Int
    /// False positives, *FP* = answerable but abstained.
    public var falseAbstentions: Int
    /// False negatives, *FN* = unanswerable but not abstained.
    public var answeredUnanswerable: Int
    /// Abstention precision = *TP* / (*TP* + *FP*), the positive class being "should abstain".
    public var abstentionPrecision: Double?
    /// Abstention recall = *TP* / (*TP* + *FN*).
    public var abstentionRecall: Double?
    /// Abstention F1 = 2*TP* / (2*TP* + *FP* + *FN*), equal to 2*PR*/(*P*+*R*) where both are defined.
    public var abstentionF1: Double?
    /// Wall-clock seconds spent answering, as passed in by the caller.
    public var elapsedSeconds: Double?
    /// `questions` / `elapsedSeconds`; nil without a positive elapsed time.
    public var questionsPerSecond: Double?

    /// Replies that were wrong: answerable questions not answered correctly plus
    /// unanswerable ones answered.
    public var failures: Int { answerable - answeredCorrectly + answeredUnanswerable }

    enum CodingKeys: String, CodingKey {
        case questions, answerable, unanswerable, k, hitAt1, hitAtK, mrrAt10
        case answeredCorrectly, answeredAccuracy, scoredShortAnswers, exactMatch, f1
        case abstained, correctAbstentions, falseAbstentions, answeredUnanswerable
        case abstentionPrecision, abstentionRecall, abstentionF1
        case elapsedSeconds, questionsPerSecond
    }

    /// Encodes every key, writing `null` for unmeasured figures so the schema is fixed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(questions, forKey: .questions)
        try container.encode(answerable, forKey: .answerable)
        try container.encode(unanswerable, forKey: .unanswerable)
        try container.encode(k, forKey: .k)
        try container.encode(hitAt1, forKey: .hitAt1)
        try container.encode(hitAtK, forKey: .hitAtK)
        try container.encode(mrrAt10, forKey: .mrrAt10)
        try container.encode(answeredCorrectly, forKey: .answeredCorrectly)
        try container.encode(answeredAccuracy, forKey: .answeredAccuracy)
        try container.encode(scoredShortAnswers, forKey: .scoredShortAnswers)
        try container.encode(exactMatch, forKey: .exactMatch)
        try container.encode(f1, forKey: .f1)
        try container.encode(abstained, forKey: .abstained)
        try container.encode(correctAbstentions, forKey: .correctAbstentions)
        try container.encode(falseAbstentions, forKey: .falseAbstentions)
        try container.encode(answeredUnanswerable, forKey: .answeredUnanswerable)
        try container.encode(abstentionPrecision, forKey: .abstentionPrecision)
        try container.encode(abstentionRecall, forKey: .abstentionRecall)
        try container.encode(abstentionF1, forKey: .abstentionF1)
        try container.encode(elapsedSeconds, forKey: .elapsedSeconds)
        try container.encode(questionsPerSecond, forKey: .questionsPerSecond)
    }
}
