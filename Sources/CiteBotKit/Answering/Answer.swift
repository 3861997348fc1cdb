/// A sentence that an answer rests on, with where it is.
public struct Citation: Sendable, Hashable, Codable {
    /// The document's name as in ``Document/source``.
    public var source: String
    /// 1-based paragraph number within the document (paragraphs are separated by blank lines).
    public var paragraph: Int
    /// 1-based sentence number within the paragraph.
    public var sentence: Int
    /// The sentence, verbatim from the source text.
    public var text: String
    /// The ranking score that placed this sentence; higher is better.
    public var score: Double
    /// The code block or list the sentence introduces, verbatim, when it ends with a colon
    /// and one follows it ("To undo the last commit, run:" and the command, "do the
    /// following steps:" and the steps): without it the answer would promise what it does
    /// not show. Nil otherwise.
    public var continuation: String?

    public init(source: String, paragraph: Int, sentence: Int, text: String, score: Double, continuation: String? = nil) {
        self.source = source
        self.paragraph = paragraph
        self.sentence = sentence
        self.text = text
        self.score = score
        self.continuation = continuation
    }
}

/// The reply to one question: a short templated answer and the citations it quotes,
/// or an abstention.
public struct Answer: Sendable, Hashable {
    /// The question as asked.
    public var question: String
    /// The templated answer text shown to the user (the abstention message when abstained).
    public var text: String
    /// A short span read off the first citation ("2 to 3 weeks") when the question's kind allows.
    public var shortAnswer: String?
    /// What kind of answer the question asked for.
    public var kind: QuestionKind
    /// True when the evidence was too weak to answer; `citations` then lists the weak candidates.
    public var abstained: Bool
    /// Cited sentences, best first.
    public var citations: [Citation]
    /// Next-best sentences after `citations`, best first (for `:more` and for ranking metrics).
    public var alternatives: [Citation]
    /// Confidence in [0, 1] that the first citation answers the question; compared with `--min-score`.
    public var confidence: Double

    public init(
        question: String, text: String, shortAnswer: String? = nil, kind: QuestionKind = .other,
        abstained: Bool, citations: [Citation], alternatives: [Citation] = [], confidence: Double
    ) {
        self.question = question
        self.text = text
        self.shortAnswer = shortAnswer
        self.kind = kind
        self.abstained = abstained
        self.citations = citations
        self.alternatives = alternatives
        self.confidence = confidence
    }

    /// Every ranked sentence, cited ones first then the alternatives.
    public var ranking: [Citation] { citations + alternatives }
}
