import Synchronization

/// A sentence as a fixed 32-byte record, the layout of ``IndexSection/sentences``:
/// document, paragraph, number (Int32 each), role code, lead-in distance (Int16 each),
/// start, end (Int64 byte offsets).
struct SentenceRecord: Sendable, Equatable, BitwiseCopyable {
    var document: Int32
    var paragraph: Int32
    var number: Int32
    var role: Int16
    /// ``Sentence/leadInDistance``.
    var leadInDistance: Int16
    var start: Int64
    var end: Int64

    init(_ sentence: Sentence) {
        document = Int32(sentence.document)
        paragraph = Int32(sentence.paragraph)
        number = Int32(sentence.number)
        role = sentence.role.code
        leadInDistance = Int16(clamping: sentence.leadInDistance)
        start = Int64(sentence.range.lowerBound)
        end = Int64(sentence.range.upperBound)
    }
}

/// A paragraph as a fixed 40-byte record, the layout of ``IndexSection/paragraphs``:
/// document, number (Int32), start, end, first sentence, end sentence (Int64).
struct ParagraphRecord: Sendable, Equatable, BitwiseCopyable {
    var document: Int32
    var number: Int32
    var start: Int64
    var end: Int64
    var firstSentence: Int64
    var endSentence: Int64

    init(_ paragraph: Paragraph) {
        document = Int32(paragraph.document)
        number = Int32(paragraph.number)
        start = Int64(paragraph.range.lowerBound)
        end = Int64(paragraph.range.upperBound)
        firstSentence = Int64(paragraph.sentences.lowerBound)
        endSentence = Int64(paragraph.sentences.upperBound)
    }
}

/// All sentences of an index, stored as records (in place in a loaded index).
public struct SentenceList: RandomAccessCollection, Sendable, Equatable {
    let records: Column<SentenceRecord>

    init(_ sentences: [Sentence]) {
        records = Column(sentences.map(SentenceRecord.init))
    }

    init(records: Column<SentenceRecord>) {
        self.records = records
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(position: Int) -> Sentence {
        let record = records[position]
        return Sentence(document: Int(record.document), paragraph: Int(record.paragraph), number: Int(record.number),
                        range: Int(record.start)..<Int(record.end), role: SentenceRole(code: record.role) ?? .symbols,
                        leadInDistance: Int(record.leadInDistance))
    }

    /// The sentence ending with a colon that introduces the list sentence `position` is an
    /// item of (``Sentence/leadInDistance``), without decoding the rest of it.
    func leadIn(of position: Int) -> Int? {
        let distance = Int(records[position].leadInDistance)
        return distance > 0 ? position - distance : nil
    }

    /// Whether sentence `position` may be cited, without decoding the rest of it.
    func isCitable(_ position: Int) -> Bool { records[position].role == SentenceRole.statement.code }
}

/// All paragraphs of an index, stored as records (in place in a loaded index).
public struct ParagraphList: RandomAccessCollection, Sendable, Equatable {
    let records: Column<ParagraphRecord>

    init(_ paragraphs: [Paragraph]) {
        records = Column(paragraphs.map(ParagraphRecord.init))
    }

    init(records: Column<ParagraphRecord>) {
        self.records = records
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(position: Int) -> Paragraph {
        let record = records[position]
        return Paragraph(document: Int(record.document), number: Int(record.number), range: Int(record.start)..<Int(record.end),
                         sentences: Int(record.firstSentence)..<Int(record.endSentence))
    }
}

/// The passages of an index: passage p is sentences `starts[p]..<starts[p + 1]`.
public struct PassageList: RandomAccessCollection, Sendable, Equatable {
    /// Passage boundaries: one more than there are passages, from 0 to the sentence count.
    let starts: Column<Int>
    /// Per passage, ``shape(of:in:)`` of its sentences: what tells a copy of a passage
    /// from another passage of the same score without reading either's sentences.
    let shapes: Column<UInt64>

    init(starts: Column<Int>, shapes: Column<UInt64>) {
        precondition(shapes.count == starts.count - 1, "one shape per passage")
        self.starts = starts
        self.shapes = shapes
    }

    /// The passages `starts` marks out of `sentences`, with their shapes.
    init(starts: Column<Int>, sentences: Column<SentenceRecord>) {
        let shapes = (0..<Swift.max(starts.count - 1, 0)).map { p in
            Self.shape(of: starts[p]..<starts[p + 1], in: sentences)
        }
        self.init(starts: starts, shapes: Column(shapes))
    }

    /// A 64-bit digest of the sentences `range` of `sentences`: their number, and each
    /// one's length in bytes and role. Two passages of the same text have the same shape;
    /// two others have the same shape only if they have as many sentences of the same
    /// lengths and roles, or by a collision of the digest (one chance in 2^64).
    static func shape(of range: Range<Int>, in sentences: Column<SentenceRecord>) -> UInt64 {
        var digest = mix(UInt64(range.count) &+ 0x9E37_79B9_7F4A_7C15)
        for s in range {
            let record = sentences[s]
            let length = UInt64(bitPattern: record.end &- record.start)
            digest = mix(digest ^ (length &* 0xFF51_AFD7_ED55_8CCD) ^ UInt64(UInt16(bitPattern: record.role)))
        }
        return digest
    }

    /// A bijective scramble of 64 bits (the finaliser of SplitMix64), so that every input
    /// bit moves about half of the output bits.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    public subscript(position: Int) -> Range<Int> { starts[position]..<starts[position + 1] }
}

/// The documents of an index: in memory as read, or their text in place in a mapped file.
///
/// A mapped document's text becomes a `String` only when the whole document is asked
/// for (and is then kept); citations slice their sentences from the bytes directly.
///
/// The two forms are two stored properties rather than an enum with a payload for each:
/// Swift keeps such an enum's case in spare bits of a payload's object pointer (here the
/// text cache's top bit), and a leak checker that scans memory for addresses, such as
/// LeakSanitizer, then takes the object for leaked.
public struct DocumentList: RandomAccessCollection, Sendable, Equatable {
    /// The documents of a freshly built index; empty when `mapped` is set.
    let documents: [Document]
    /// The documents of a loaded index, read in place; nil for a built one.
    let mapped: MappedDocuments?

    init(_ documents: [Document]) {
        self.documents = documents
        mapped = nil
    }

    init(sources: [String], text: Column<UInt8>, offsets: Column<Int>) {
        documents = []
        mapped = MappedDocuments(sources: sources, text: text, offsets: offsets, cache: DocumentTextCache())
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { mapped?.sources.count ?? documents.count }

    public subscript(position: Int) -> Document {
        guard let mapped else { return documents[position] }
        let whole = mapped.cache.text(of: position) {
            mapped.text.withUnsafeBufferPointer { bytes in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[mapped.offsets[position]..<mapped.offsets[position + 1]]),
                       as: UTF8.self)
            }
        }
        return Document(source: mapped.sources[position], text: whole)
    }

    /// How document `position` is named in citations.
    public func source(of position: Int) -> String {
        mapped?.sources[position] ?? documents[position].source
    }

    /// The length of document `position`'s text in UTF-8 bytes.
    public func byteCount(of position: Int) -> Int {
        guard let mapped else { return documents[position].text.utf8.count }
        return mapped.offsets[position + 1] - mapped.offsets[position]
    }

    /// The verbatim text at UTF-8 byte offsets `range` of document `position`.
    public func text(of position: Int, _ range: Range<Int>) -> String {
        guard let mapped else { return CorpusIndex.slice(documents[position].text, range) }
        let start = mapped.offsets[position]
        precondition(range.lowerBound >= 0 && range.upperBound <= mapped.offsets[position + 1] - start, "range outside the document")
        // Read, not mapped: citations come from all over the text, and mapping it would keep
        // the pages of every sentence ever cited.
        return mapped.text.withBytesRead((start + range.lowerBound)..<(start + range.upperBound)) { bytes in
            String(decoding: bytes, as: UTF8.self)
        }
    }

    public static func == (a: DocumentList, b: DocumentList) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }
}

/// The documents of a loaded index: names, and all their text as one run of bytes in
/// the mapped file, document d at `offsets[d]..<offsets[d + 1]`.
struct MappedDocuments: Sendable {
    let sources: [String]
    let text: Column<UInt8>
    let offsets: Column<Int>
    let cache: DocumentTextCache
}

/// Whole-document strings of a mapped index, made on first request and kept.
final class DocumentTextCache: Sendable {
    private let texts: Mutex<[Int: String]>

    init() {
        texts = Mutex([:])
    }

    func text(of document: Int, _ make: () -> String) -> String {
        if let known = texts.withLock({ $0[document] }) { return known }
        let made = make()
        texts.withLock { $0[document] = made }
        return made
    }
}
