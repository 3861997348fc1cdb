/// Everything needed to answer questions about a corpus: its text, its segmentation,
/// and TF-IDF vectors for sentences and passages.
///
/// Passages are runs of at most ``IndexOptions/passageSentences`` consecutive sentences
/// of one paragraph: the context a sentence is judged in. Both levels get their own idf
/// (a term's rarity among sentences differs from its rarity among passages).
public struct CorpusIndex: Sendable {
    public let documents: DocumentList
    /// All sentences of all documents, in document order.
    public let sentences: SentenceList
    /// All paragraphs, in document order; their `sentences` index ``sentences``.
    public let paragraphs: ParagraphList
    /// Each passage's sentence indices.
    public let passages: PassageList
    /// The passage each sentence belongs to.
    public let passageOfSentence: Column<Int32>
    /// The paragraph (index into ``paragraphs``) each sentence belongs to.
    public let paragraphOfSentence: Column<Int32>
    public let vocabulary: Vocabulary
    /// L2-normalised TF-IDF vectors of sentences, one row per sentence.
    public let sentenceVectors: SparseRows
    /// Inverted lists: row t holds the passages containing term t (ascending) with their
    /// L2-normalised TF-IDF weights: the passage vectors, stored by term only.
    public let passagePostings: SparseRows
    /// Sentence-level idf by term id.
    public let sentenceIDF: [Float]
    /// Passage-level idf by term id.
    public let passageIDF: [Float]
    /// Sentence-level document frequency by term id.
    public let sentenceFrequency: [Int32]
    /// The options the index was built with; questions are analysed the same way.
    public let options: IndexOptions
    /// Score arrays reused by ``PassageRetriever`` from question to question.
    let accumulators = AccumulatorPool()
    /// The title each passage stands under, found once per passage by ``SentenceRanker``.
    let passageTitles = PassageTitles()
    /// The typo-correction index over ``vocabulary``, built on first use.
    let corrections = LazyCorrectionIndex()

    init(
        documents: DocumentList, sentences: SentenceList, paragraphs: ParagraphList, passages: PassageList,
        passageOfSentence: Column<Int32>, paragraphOfSentence: Column<Int32>, vocabulary: Vocabulary,
        sentenceVectors: SparseRows, passagePostings: SparseRows,
        sentenceIDF: [Float], passageIDF: [Float], sentenceFrequency: [Int32], options: IndexOptions
    ) {
        self.documents = documents
        self.sentences = sentences
        self.paragraphs = paragraphs
        self.passages = passages
        self.passageOfSentence = passageOfSentence
        self.paragraphOfSentence = paragraphOfSentence
        self.vocabulary = vocabulary
        self.sentenceVectors = sentenceVectors
        self.passagePostings = passagePostings
        self.sentenceIDF = sentenceIDF
        self.passageIDF = passageIDF
        self.sentenceFrequency = sentenceFrequency
        self.options = options
    }

    /// The verbatim text of sentence `index`.
    public func text(ofSentence index: Int) -> String {
        let record = sentences.records[index]
        return documents.text(of: Int(record.document), Int(record.start)..<Int(record.end))
    }

    /// The verbatim text of paragraph `index`.
    public func text(ofParagraph index: Int) -> String {
        let paragraph = paragraphs[index]
        return documents.text(of: paragraph.document, paragraph.range)
    }

    /// Whether passage `passage` contains term `term`.
    ///
    /// - Complexity: O(log passages containing the term): a binary search of its postings.
    public func passage(_ passage: Int, contains term: Int32) -> Bool {
        let row = passagePostings.row(Int(term))
        let rows = passagePostings.columns
        let target = Int32(passage)
        var low = row.lowerBound
        var high = row.upperBound
        while low < high {
            let mid = (low + high) / 2
            if rows[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < row.upperBound && rows[low] == target
    }

    /// Builds the typo-correction index now rather than at the first misspelt question,
    /// e.g. on another thread while the first question is awaited.
    public func prepareCorrections() {
        _ = corrections.index(for: vocabulary)
    }

    /// Number of citable sentences.
    public var citableSentenceCount: Int { sentences.indices.reduce(0) { $0 + (sentences.isCitable($1) ? 1 : 0) } }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}

/// How an index is built.
public struct IndexOptions: Sendable, Equatable {
    /// The most sentences a passage holds; longer paragraphs are cut into several passages.
    /// At least 1: a smaller value is read as 1, since a passage of no sentences cuts a
    /// paragraph into nothing, and a saved index must hold a size its reader accepts.
    public var passageSentences: Int {
        didSet { passageSentences = max(1, passageSentences) }
    }

    public init(passageSentences: Int = 6) {
        self.passageSentences = max(1, passageSentences)
    }
}
