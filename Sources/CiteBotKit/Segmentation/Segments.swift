/// What a sentence is for: only statements can be cited as answers.
public enum SentenceRole: String, Sendable, Hashable, Codable {
    /// Prose that asserts something; the only citable role.
    case statement
    /// A title, heading or label line ("Recommended Posts"): kept for context, never cited.
    case heading
    /// A sentence that asks rather than tells (ends with "?"): never cited.
    case question
    /// Punctuation or symbols without a single word.
    case symbols
    /// Lines of a Markdown code fence: program text, not prose.
    case code
}

/// A sentence of a document, located by UTF-8 byte offsets into ``Document/text``.
public struct Sentence: Sendable, Hashable {
    /// Index of the document in the corpus.
    public var document: Int
    /// 1-based paragraph number within the document.
    public var paragraph: Int
    /// 1-based sentence number within the paragraph.
    public var number: Int
    /// UTF-8 byte offsets in the document's text; the text there is quoted verbatim.
    public var range: Range<Int>
    public var role: SentenceRole
    /// How many sentences back the sentence ending with a colon is that introduces the
    /// list this sentence is an item of ("Versions have a suffix:" before "- rcN for a
    /// release candidate"), or the paragraph indented under it (a quotation); 0 when there
    /// is none.
    ///
    /// An item often says only part of what it is about, the rest being in its lead-in,
    /// the way a section's sentences rely on their heading.
    public var leadInDistance: Int {
        get { Int(storedLeadInDistance) }
        set { storedLeadInDistance = UInt16(clamping: newValue) }
    }
    /// ``leadInDistance`` in two bytes beside ``role``, so that the field costs a sentence
    /// no memory: a corpus's sentences are held all at once while it is indexed.
    private var storedLeadInDistance: UInt16

    public init(
        document: Int, paragraph: Int, number: Int, range: Range<Int>, role: SentenceRole, leadInDistance: Int = 0
    ) {
        self.document = document
        self.paragraph = paragraph
        self.number = number
        self.range = range
        self.role = role
        self.storedLeadInDistance = UInt16(clamping: leadInDistance)
    }

    /// Whether this sentence may be quoted as evidence for an answer.
    public var isCitable: Bool { role == .statement }
}

/// A paragraph: a run of non-blank lines.
public struct Paragraph: Sendable, Hashable {
    public var document: Int
    /// 1-based paragraph number within the document.
    public var number: Int
    /// UTF-8 byte offsets of the paragraph in the document's text.
    public var range: Range<Int>
    /// Indices of the paragraph's sentences in ``Segmentation/sentences``.
    public var sentences: Range<Int>
}

/// The segmentation of one document.
public struct Segmentation: Sendable {
    public var paragraphs: [Paragraph] = []
    public var sentences: [Sentence] = []

    public init() {}
}
