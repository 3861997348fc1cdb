/// Why a saved index cannot be used; each message names the file and says what to do.
public enum IndexFileError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case notAnIndex(path: String)
    case versionMismatch(path: String, found: UInt32, expected: UInt32)
    case truncated(path: String, expected: Int, actual: Int)
    case checksumMismatch(path: String, section: String)
    case corrupt(path: String, detail: String)
    case incompatibleSettings(path: String, detail: String)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read the index '\(path)': \(reason)"
        case .notAnIndex(let path):
            return "'\(path)' is not a citebot index; build one with `citebot index --corpus PATH --output \(path)`"
        case .versionMismatch(let path, let found, let expected):
            return "the index '\(path)' has format version \(found), this citebot reads version \(expected); rebuild it with `citebot index`"
        case .truncated(let path, let expected, let actual):
            return "the index '\(path)' is truncated (\(actual) of \(expected) bytes); rebuild it with `citebot index`"
        case .checksumMismatch(let path, let section):
            return "the index '\(path)' is damaged (checksum mismatch in \(section)); rebuild it with `citebot index`"
        case .corrupt(let path, let detail):
            return "the index '\(path)' is damaged (\(detail)); rebuild it with `citebot index`"
        case .incompatibleSettings(let path, let detail):
            return "the index '\(path)' was built with other analyzer settings (\(detail)); rebuild it with `citebot index`"
        case .unwritable(let path, let reason):
            return "cannot write the index '\(path)': \(reason)"
        }
    }
}

/// The layout of a saved index (all integers little-endian).
///
/// ```
/// offset 0   magic "CITEBOTX" (8 bytes)
///        8   format version (UInt32)   12  section count (UInt32)
///        16  file length (UInt64)      24  checksum of the header and section table (UInt64)
///        32  reserved (32 bytes of zeros)
///        64  section table: per section id (UInt32), element size (UInt32),
///            offset (UInt64), length in bytes (UInt64), checksum (UInt64)
///        ... sections, each starting on an 8-byte boundary
/// ```
///
/// Sections are flat arrays (see ``IndexSection``); each has its own checksum, so answering
/// verifies and touches only what it reads, and the per-document sections kept for
/// incremental updates are read only when the corpus has changed.
enum IndexFileFormat {
    static let magic: [UInt8] = Array("CITEBOTX".utf8)
    /// Bumped whenever the layout or the meaning of a section changes.
    /// 2: passage vectors are no longer stored (the postings hold the same weights).
    /// 3: passages without a citable sentence have no postings.
    /// 4: words of web and e-mail addresses and of Markdown link targets are not indexed.
    /// 5: a line of nothing but links to sections of its document is a heading.
    /// 6: a sentence record holds the distance to its list's lead-in (role narrowed to Int16).
    /// 7: each passage's shape (``PassageList/shapes``), by which copies are told apart.
    static let version: UInt32 = 7
    static let headerSize = 64
    static let tableEntrySize = 32
}

/// The sections of a saved index, by id.
enum IndexSection: UInt32, CaseIterable {
    case settings = 1          // UTF-8 "key=value" lines: analyzer settings and producer
    case files                 // FileRecord per corpus file
    case strings               // UTF-8 bytes that file records point into
    case text                  // every document's text, back to back
    case textOffsets           // Int64 per document + 1
    case sentences             // SentenceRecord per sentence
    case paragraphs            // ParagraphRecord per paragraph
    case passageStarts         // Int64 per passage + 1
    case termOffsets, termBytes
    case surfaceOffsets, surfaceBytes, surfaceTerms, surfaceCounts
    case sentenceOffsets, sentenceColumns, sentenceValues
    case postingOffsets, postingRows, postingValues
    case sentenceIDF, passageIDF, sentenceFrequency
    // Kept for incremental updates; not read when answering.
    case sentenceCounts
    case documentTermOffsets, documentTerms
    case documentSurfaceOffsets, documentSurfaces, documentSurfaceCounts
    case passageShapes         // UInt64 per passage

    var name: String { String(describing: self) }

    /// Whether loading an index to answer from reads this section (the rest are read only
    /// for an incremental update).
    var isReadWhenAnswering: Bool { rawValue < IndexSection.sentenceCounts.rawValue || self == .passageShapes }
}

/// A corpus file as a saved index remembers it: where it was, how large and how recent,
/// so that a cached index can tell which files changed.
public struct IndexedFile: Sendable, Equatable {
    /// The absolute path that was read.
    public var path: String
    /// The name citations use.
    public var source: String
    public var size: Int64
    /// Modification time, nanoseconds since 1970.
    public var modified: Int64
    /// The document the file became, or nil when it was skipped.
    public var document: Int?
    /// The warning reading it gave ("invalid UTF-8 replaced…", "skipped: …"), if any.
    public var warning: String?

    public init(path: String, source: String, size: Int64, modified: Int64, document: Int?, warning: String?) {
        self.path = path
        self.source = source
        self.size = size
        self.modified = modified
        self.document = document
        self.warning = warning
    }

    /// Same file, same size, same modification time.
    func isUnchanged(comparedWith other: IndexedFile) -> Bool {
        path == other.path && source == other.source && size == other.size && modified == other.modified
    }
}

/// How an index analyses text; an index is only usable by an analyzer with the same settings.
public struct IndexSettings: Sendable, Equatable {
    public var values: [String: String]

    public init(values: [String: String]) {
        self.values = values
    }

    /// The settings of `analyzer`, `splitter` and `options`, plus who wrote the index.
    public init(analyzer: Analyzer, splitter: SentenceSplitter, options: IndexOptions, producer: String) {
        var stopWords = ByteStringTable()
        for word in analyzer.stopWords.sorted() { _ = stopWords.insert(word) }
        var checksum: UInt64 = 0
        stopWords.bytes.withUnsafeBytes { checksum = Checksum64.of($0) }
        values = [
            "tokenizer": "utf8-v1",
            "tokenizer.maximumWordBytes": String(analyzer.tokenizer.maximumWordBytes),
            "stemmer": "snowball-english",
            "stopWords": "\(analyzer.stopWords.count):\(String(checksum, radix: 16))",
            "splitter.maximumHeadingWords": String(splitter.maximumHeadingWords),
            "index.passageSentences": String(options.passageSentences),
            "producer": producer,
        ]
    }

    /// The settings that change how text is analysed (everything but the producer).
    var analysis: [String: String] { values.filter { $0.key != "producer" } }

    var text: String { values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined() }

    init(text: String) {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        self.values = values
    }

    /// A description of how `other` differs in analysis settings, or nil when they agree.
    func analysisDifference(from other: IndexSettings) -> String? {
        let mine = analysis, theirs = other.analysis
        guard mine != theirs else { return nil }
        let keys = Set(mine.keys).union(theirs.keys).sorted().filter { mine[$0] != theirs[$0] }
        return keys.map { "\($0): \(theirs[$0] ?? "none") in the file, \(mine[$0] ?? "none") here" }.joined(separator: "; ")
    }
}

/// Fixed record sizes, in bytes (fields little-endian, in the order listed):
/// a file is path offset, path length, source offset, source length, warning offset,
/// warning length (Int64 each, into ``IndexSection/strings``), document (Int64, -1 when
/// skipped), size, modification time; a sentence is document, paragraph, number
/// (Int32 each), role, lead-in distance (Int16 each), start, end (Int64 byte offsets in its document's text); a paragraph is
/// document, number (Int32), start, end, first sentence, end sentence (Int64).
enum RecordSize {
    static let file = 72
    static let sentence = 32
    static let paragraph = 40
}

extension SentenceRole {
    var code: Int16 {
        switch self {
        case .statement: return 0
        case .heading: return 1
        case .question: return 2
        case .symbols: return 3
        case .code: return 4
        }
    }

    init?(code: Int16) {
        switch code {
        case 0: self = .statement
        case 1: self = .heading
        case 2: self = .question
        case 3: self = .symbols
        case 4: self = .code
        default: return nil
        }
    }
}
