/// How the engine did on one test question: the raw facts the metrics are computed from.
///
/// Results are what ``MetricsAccumulator`` consumes and what the JSON report lists,
/// so anyone holding the report can recompute every summary figure.
public struct EvalResult: Sendable, Hashable, Codable {
    /// The question's identifier.
    public var id: String
    /// The question text.
    public var question: String
    /// Whether the test set says the right reply is to abstain.
    public var unanswerable: Bool
    /// Whether the engine abstained.
    public var abstained: Bool
    /// The engine's confidence in its first citation, in [0, 1].
    public var confidence: Double
    /// The engine's answer: its short answer when it gave one, else its templated
    /// text (the abstention message when it abstained).
    public var answerText: String
    /// 1-based position in `answer.ranking` of the first correct citation; nil when
    /// none is correct or the question is unanswerable.
    public var firstMatchRank: Int?
    /// The first sentence of the ranking, the one the engine cites first.
    public var topCitation: Citation?
    /// `firstMatchRank == 1`.
    public var hitAt1: Bool
    /// `firstMatchRank ≤ k`, for the run's `k`.
    public var hitAtK: Bool
    /// Answerable, not abstained, and the top citation is correct.
    public var answeredCorrectly: Bool
    /// Short-answer exact match (0 or 1); nil when the question has no gold answers
    /// or is unanswerable.
    public var exactMatch: Double?
    /// Short-answer token F1; nil exactly when `exactMatch` is.
    public var f1: Double?
    /// What a correct reply cites, for failure reports: the first evidence string,
    /// else the first gold answer; nil for unanswerable questions.
    public var expected: String?
    /// The SQuAD gold document and paragraph, for failure reports.
    public var expectedSource: String?
    /// 1-based paragraph of `expectedSource`.
    public var expectedParagraph: Int?

    /// Judges `answer` as the reply to `question`.
    ///
    /// The ranking metrics use `answer.ranking` whether or not the engine abstained
    /// (they measure retrieval); `answeredCorrectly` needs an actual answer. The
    /// short answer scored is `answer.shortAnswer`, else the templated `answer.text`;
    /// an abstention is scored as the empty answer (EM 0, F1 0 against non-empty gold).
    ///
    /// - Parameter k: the cut-off of `hitAtK`; values below 1 count as 1.
    /// - Complexity: O(*r*) citation matches for a ranking of *r* sentences.
    public init(question: EvalQuestion, answer: Answer, k: Int) {
        let ranking = answer.ranking
        let rank = EvidenceMatcher.Prepared(question).firstMatchRank(in: ranking)
        let topCitation = ranking.first
        id = question.id
        self.question = question.question
        unanswerable = question.unanswerable
        abstained = answer.abstained
        confidence = answer.confidence
        answerText = answer.shortAnswer ?? answer.text
        firstMatchRank = rank
        self.topCitation = topCitation
        hitAt1 = rank == 1
        hitAtK = rank.map { $0 <= max(1, k) } ?? false
        answeredCorrectly = !question.unanswerable && !answer.abstained && rank == 1
        if question.unanswerable || question.answers.isEmpty {
            exactMatch = nil
            f1 = nil
        } else {
            let prediction = answer.abstained ? "" : answer.shortAnswer ?? answer.text
            exactMatch = ShortAnswerScore.exactMatch(prediction, gold: question.answers)
            f1 = ShortAnswerScore.f1(prediction, gold: question.answers)
        }
        expected = question.unanswerable ? nil : question.evidence.first ?? question.answers.first
        expectedSource = question.gold?.source
        expectedParagraph = question.gold?.paragraph
    }

    /// Whether the engine gave an answer: it did not abstain and has a sentence to cite.
    public var answered: Bool { !abstained && topCitation != nil }

    /// Whether the reply was wrong: an answerable question not answered correctly,
    /// or an unanswerable one answered.
    public var isFailure: Bool { unanswerable ? answered : !answeredCorrectly }

    enum CodingKeys: String, CodingKey {
        case id, question, unanswerable, abstained, confidence, answerText, firstMatchRank
        case topCitation, hitAt1, hitAtK, answeredCorrectly, exactMatch, f1
        case expected, expectedSource, expectedParagraph
    }

    /// Encodes every key, writing `null` for absent values so the schema is fixed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(question, forKey: .question)
        try container.encode(unanswerable, forKey: .unanswerable)
        try container.encode(abstained, forKey: .abstained)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(answerText, forKey: .answerText)
        try container.encode(firstMatchRank, forKey: .firstMatchRank)
        try container.encode(topCitation, forKey: .topCitation)
        try container.encode(hitAt1, forKey: .hitAt1)
        try container.encode(hitAtK, forKey: .hitAtK)
        try container.encode(answeredCorrectly, forKey: .answeredCorrectly)
        try container.encode(exactMatch, forKey: .exactMatch)
        try container.encode(f1, forKey: .f1)
        try container.encode(expected, forKey: .expected)
        try container.encode(expectedSource, forKey: .expectedSource)
        try container.encode(expectedParagraph, forKey: .expectedParagraph)
    }
}
