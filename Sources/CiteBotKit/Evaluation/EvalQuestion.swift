/// One question of a test set, with what counts as a correct citation for it.
///
/// A question is judged in one of three ways, chosen by what it carries:
/// - `gold` (SQuAD): the citation must lie in the gold paragraph and cover an
///   answer's start offset (see ``GoldLocation``);
/// - `evidence` (JSONL): the cited sentence and an evidence string must contain
///   one another after normalisation (see ``EvidenceMatcher``);
/// - `answers` only (JSONL without evidence): the cited sentence must contain a
///   gold answer after the same normalisation.
///
/// `answers` also feed the short-answer exact match and F1.
public struct EvalQuestion: Sendable, Hashable, Codable {
    /// A stable identifier: the file's `id`, or `line N` for JSONL lines without one.
    public var id: String
    /// The question as it is put to the answering engine.
    public var question: String
    /// Sentences (or fragments of them) that a correct citation quotes.
    public var evidence: [String]
    /// Short gold answers, for exact match and token F1.
    public var answers: [String]
    /// True when the corpus holds no answer and the right reply is to abstain.
    public var unanswerable: Bool
    /// Where the answer is, for questions read from SQuAD files.
    public var gold: GoldLocation?

    /// A question; the defaults make an answerable question with no gold yet.
    public init(
        id: String, question: String, evidence: [String] = [], answers: [String] = [],
        unanswerable: Bool = false, gold: GoldLocation? = nil
    ) {
        self.id = id
        self.question = question
        self.evidence = evidence
        self.answers = answers
        self.unanswerable = unanswerable
        self.gold = gold
    }

    /// Whether `citation` is a correct citation for this question.
    ///
    /// Unanswerable questions have no correct citation. For repeated use over a
    /// ranking, ``EvidenceMatcher/Prepared`` normalises the gold only once.
    public func isMatched(by citation: Citation) -> Bool {
        EvidenceMatcher.Prepared(self).matches(citation)
    }
}

/// Where a SQuAD answer lies: a paragraph of a corpus document and character
/// offsets within it.
///
/// Offsets count Unicode scalars, as SQuAD's `answer_start` does (Python string
/// indices), so they are independent of grapheme clustering.
public struct GoldLocation: Sendable, Hashable, Codable {
    /// The corpus document holding the answer, as in ``Document/source``.
    public var source: String
    /// 1-based paragraph number of the context within that document.
    public var paragraph: Int
    /// The context exactly as placed in the document, for locating cited sentences.
    public var context: String
    /// Each gold answer's `answer_start`, in Unicode scalars from the start of `context`.
    public var answerStarts: [Int]

    /// A location; `answerStarts` are Unicode-scalar offsets into `context`.
    public init(source: String, paragraph: Int, context: String, answerStarts: [Int]) {
        self.source = source
        self.paragraph = paragraph
        self.context = context
        self.answerStarts = answerStarts
    }

    /// Whether the cited sentence lies in this paragraph and covers an answer start.
    ///
    /// The sentence is located by searching `citation.text` (verbatim from the
    /// document) in `context`; any occurrence counts, so a sentence repeated
    /// within the paragraph matches if either copy covers the answer. An
    /// occurrence spanning scalars `[s, s + n)` covers start `a` when `s ≤ a < s + n`.
    ///
    /// - Complexity: O(*c* · *n*) for a context of *c* scalars and a sentence of *n*.
    public func isCovered(by citation: Citation) -> Bool {
        isCovered(by: citation, contextScalars: Array(context.unicodeScalars))
    }

    /// ``isCovered(by:)`` with the context's scalars already split out.
    func isCovered(by citation: Citation, contextScalars haystack: [Unicode.Scalar]) -> Bool {
        guard citation.source == source, citation.paragraph == paragraph else { return false }
        let needle = Array(citation.text.unicodeScalars)
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == first && haystack[start..<(start + needle.count)].elementsEqual(needle) {
            let end = start + needle.count
            if answerStarts.contains(where: { $0 >= start && $0 < end }) { return true }
        }
        return false
    }
}
