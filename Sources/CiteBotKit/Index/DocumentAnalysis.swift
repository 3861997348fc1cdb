/// One document segmented and analysed, independently of every other document.
///
/// This is the unit of incremental indexing: a saved index keeps one per file, so a
/// changed file is re-analysed alone and the rest are merged as they are. Terms and
/// surface words are ids into a ``TermPool`` (``pool`` says which); each sentence's row
/// lists its distinct terms with their counts, in no particular order.
struct DocumentAnalysis: Sendable, Equatable {
    /// Index of the pool the ids refer to.
    var pool: Int
    /// The document's sentences (`document` is 0; the assembler renumbers).
    var sentences: [Sentence] = []
    /// The document's paragraphs (`sentences` count from the document's first sentence).
    var paragraphs: [Paragraph] = []
    /// The document's distinct terms, in order of first occurrence: this order decides
    /// term ids, so merging analyses in document order numbers terms as one pass would.
    var termOrder: [Int32] = []
    /// Sentence s's row is `rowTerms[rowOffsets[s]..<rowOffsets[s + 1]]`, counts alongside.
    var rowOffsets: [Int] = [0]
    var rowTerms: [Int32] = []
    var rowCounts: [Int32] = []
    /// The surface words used, each with its number of occurrences in the document.
    var surfaces: [Int32] = []
    var surfaceCounts: [Int32] = []

    init(pool: Int) {
        self.pool = pool
    }

    /// Number of term occurrences.
    var termCount: Int { rowCounts.reduce(0) { $0 + Int($1) } }
}

/// Segments and analyses documents on one thread, reusing every buffer.
///
/// Each worker of ``IndexBuilder`` owns one: a ``TermInterner`` (its stem cache) and dense
/// scratch arrays indexed by its term and surface ids.
struct DocumentIndexer {
    let tokenizer: Tokenizer
    let splitter: SentenceSplitter
    private(set) var interner: TermInterner
    let poolIndex: Int
    private var scratch = WordScratch()
    /// Per term: the stamp of the document (or sentence) that last saw it.
    private var termDocument: [Int32] = []
    private var termSentence: [Int32] = []
    /// Per term: occurrences in the current sentence.
    private var sentenceCount: [Int32] = []
    private var surfaceDocument: [Int32] = []
    /// Per surface: its position in the current document's surface list.
    private var surfacePosition: [Int32] = []
    private var touched: [Int32] = []
    private var documentStamp: Int32 = 0
    private var sentenceStamp: Int32 = 0

    init?(analyzer: Analyzer, splitter: SentenceSplitter, poolIndex: Int) {
        guard let interner = TermInterner(stopWords: analyzer.stopWords) else { return nil }
        self.tokenizer = analyzer.tokenizer
        self.splitter = splitter
        self.interner = interner
        self.poolIndex = poolIndex
    }

    /// Segments and analyses `text`.
    ///
    /// When `cancellation` is cancelled the analysis stops early and is incomplete: the
    /// caller must check the token and throw away the result.
    ///
    /// - Complexity: O(n) in the text's UTF-8 length.
    mutating func analyse(_ text: String, cancellation: CancellationToken? = nil) -> DocumentAnalysis {
        var result = DocumentAnalysis(pool: poolIndex)
        let segmentation = splitter.split(text)
        result.sentences = segmentation.sentences
        result.paragraphs = segmentation.paragraphs
        documentStamp &+= 1
        var text = text
        text.withUTF8 { bytes in
            for (position, sentence) in segmentation.sentences.enumerated() {
                // One very large file should not make cancellation wait for all of it.
                if position & 4095 == 4095, cancellation.isCancelled { return }
                analyse(UnsafeBufferPointer(rebasing: bytes[sentence.range]), into: &result)
            }
        }
        return result
    }

    private mutating func analyse(_ bytes: UnsafeBufferPointer<UInt8>, into result: inout DocumentAnalysis) {
        sentenceStamp &+= 1
        touched.removeAll(keepingCapacity: true)
        var scratch = WordScratch()
        swap(&scratch, &self.scratch)
        defer { swap(&scratch, &self.scratch) }
        // Words of addresses and link targets point somewhere; they say nothing the sentence says.
        var addresses = Addresses.Cursor(Addresses.ranges(in: bytes))
        tokenizer.scan(bytes, scratch: &scratch) { word, range in
            if addresses.covers(range.lowerBound) { return }
            let (surface, term) = interner.intern(word)
            guard term >= 0 else { return }
            record(surface: Int(surface), term: Int(term), into: &result)
        }
        for term in touched {
            result.rowTerms.append(term)
            result.rowCounts.append(sentenceCount[Int(term)])
        }
        result.rowOffsets.append(result.rowTerms.count)
    }

    @inline(__always)
    private mutating func record(surface: Int, term: Int, into result: inout DocumentAnalysis) {
        if term >= termDocument.count {
            let grown = max(1024, interner.terms.count * 2)
            termDocument.append(contentsOf: repeatElement(0, count: grown - termDocument.count))
            termSentence.append(contentsOf: repeatElement(0, count: grown - termSentence.count))
            sentenceCount.append(contentsOf: repeatElement(0, count: grown - sentenceCount.count))
        }
        if surface >= surfaceDocument.count {
            let grown = max(1024, interner.surfaces.count * 2)
            surfaceDocument.append(contentsOf: repeatElement(0, count: grown - surfaceDocument.count))
            surfacePosition.append(contentsOf: repeatElement(0, count: grown - surfacePosition.count))
        }
        if termDocument[term] != documentStamp {
            termDocument[term] = documentStamp
            result.termOrder.append(Int32(term))
        }
        if termSentence[term] != sentenceStamp {
            termSentence[term] = sentenceStamp
            sentenceCount[term] = 0
            touched.append(Int32(term))
        }
        sentenceCount[term] += 1
        if surfaceDocument[surface] != documentStamp {
            surfaceDocument[surface] = documentStamp
            result.surfaces.append(Int32(surface))
            result.surfaceCounts.append(0)
            surfacePosition[surface] = Int32(result.surfaces.count - 1)
        }
        result.surfaceCounts[Int(surfacePosition[surface])] += 1
    }
}
