import Foundation

/// An index loaded from a file: the index itself, the files it was built from and its settings.
public struct SavedIndex: Sendable {
    public let index: CorpusIndex
    public let files: [IndexedFile]
    public let settings: IndexSettings
}

/// Reads a saved index through a memory map, trusting nothing in it.
///
/// The header, the section table and every section read are checksummed; then every
/// count, offset and id is checked against the sizes it indexes before it is used, so
/// a damaged or crafted file ends in an ``IndexFileError``, never in an out-of-bounds
/// read. The large sections are then read in place (``Column``) and their pages released
/// after checking, so they come back from the page cache only where a question reads.
final class IndexFileReader {
    let path: String
    private let file: MappedFile
    private let memory: ColumnMemory
    private var sections: [IndexSection: (offset: Int, length: Int, elementSize: Int, checksum: UInt64)] = [:]
    private var verified = Set<IndexSection>()

    /// Opens `path` and checks its header and section table.
    ///
    /// - Throws: ``IndexFileError`` when the file is unreadable, not an index, of another
    ///   version, truncated or damaged.
    init(path: String) throws {
        self.path = path
        guard 1.littleEndian == 1 else { throw IndexFileError.corrupt(path: path, detail: "big-endian hosts are not supported") }
        file = try MappedFile(path: path)
        memory = ColumnMemory(file: file)
        let bytes = file.bytes
        let magic = IndexFileFormat.magic
        guard bytes.count >= IndexFileFormat.headerSize else {
            if bytes.count > 0, Array(bytes.prefix(min(bytes.count, magic.count))) == Array(magic.prefix(min(bytes.count, magic.count))) {
                throw IndexFileError.truncated(path: path, expected: IndexFileFormat.headerSize, actual: bytes.count)
            }
            throw IndexFileError.notAnIndex(path: path)
        }
        guard Array(bytes.prefix(magic.count)) == magic else { throw IndexFileError.notAnIndex(path: path) }
        let version = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard version == IndexFileFormat.version else {
            throw IndexFileError.versionMismatch(path: path, found: version, expected: IndexFileFormat.version)
        }
        let count = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self)))
        let length = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        guard length <= UInt64(Int.max), Int(length) >= IndexFileFormat.headerSize else {
            throw IndexFileError.corrupt(path: path, detail: "impossible file length \(length)")
        }
        if bytes.count < Int(length) { throw IndexFileError.truncated(path: path, expected: Int(length), actual: bytes.count) }
        guard bytes.count == Int(length) else {
            throw IndexFileError.corrupt(path: path, detail: "\(bytes.count - Int(length)) unexpected bytes at the end")
        }
        guard count <= 4 * IndexSection.allCases.count else {
            throw IndexFileError.corrupt(path: path, detail: "\(count) sections")
        }
        let tableEnd = IndexFileFormat.headerSize + count * IndexFileFormat.tableEntrySize
        guard tableEnd <= bytes.count else { throw IndexFileError.truncated(path: path, expected: tableEnd, actual: bytes.count) }
        var header = Array(bytes[0..<tableEnd])
        let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        header.replaceSubrange(24..<32, with: repeatElement(0, count: 8))
        guard header.withUnsafeBytes({ Checksum64.of($0) }) == stored else {
            throw IndexFileError.checksumMismatch(path: path, section: "the header")
        }
        for entry in 0..<count {
            let at = IndexFileFormat.headerSize + entry * IndexFileFormat.tableEntrySize
            let raw = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
            let elementSize = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self)))
            let offset = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
            let size = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
            let checksum = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))
            guard let id = IndexSection(rawValue: raw) else { continue }
            guard offset >= UInt64(tableEnd), offset % 8 == 0, size <= length, offset <= length - size,
                  elementSize > 0, Int(size) % elementSize == 0, sections[id] == nil
            else { throw IndexFileError.corrupt(path: path, detail: "bad table entry for \(id.name)") }
            sections[id] = (Int(offset), Int(size), elementSize, checksum)
        }
        for id in IndexSection.allCases where sections[id] == nil {
            throw IndexFileError.corrupt(path: path, detail: "no \(id.name) section")
        }
    }

    /// The bytes of section `id`, checksummed on first use unless `checksumming` is false
    /// (the caller then has it checked, as ``verifySections(andText:offsets:documents:)`` does).
    private func raw(_ id: IndexSection, checksumming: Bool = true) throws -> UnsafeRawBufferPointer {
        guard let entry = sections[id] else { throw IndexFileError.corrupt(path: path, detail: "no \(id.name) section") }
        let slice = UnsafeRawBufferPointer(rebasing: file.bytes[entry.offset..<(entry.offset + entry.length)])
        if checksumming, !verified.contains(id) {
            guard Checksum64.of(slice) == entry.checksum else {
                throw IndexFileError.checksumMismatch(path: path, section: id.name)
            }
            verified.insert(id)
        }
        return slice
    }

    /// Section `id` copied into an array of `T` (a plain integer or float type).
    private func array<T>(_ id: IndexSection, of type: T.Type) throws -> [T] {
        let bytes = try raw(id)
        let stride = MemoryLayout<T>.stride
        guard let entry = sections[id], entry.elementSize == stride, bytes.count % stride == 0 else {
            throw IndexFileError.corrupt(path: path, detail: "\(id.name) has the wrong element size")
        }
        let count = bytes.count / stride
        let result = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0, let target = buffer.baseAddress, let source = bytes.baseAddress {
                UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: bytes.count)
            }
            initialized = count
        }
        file.release(entry.offset..<(entry.offset + entry.length))
        return result
    }

    /// Section `id` read in place as a column of `T`, checksummed unless `checksumming` is
    /// false. Call ``done(_:)`` once its values are checked, to drop the pages the checks
    /// touched.
    private func column<T>(_ id: IndexSection, of type: T.Type, checksumming: Bool = true) throws -> Column<T> {
        let bytes = try raw(id, checksumming: checksumming)
        let stride = MemoryLayout<T>.stride
        guard let entry = sections[id], entry.elementSize == stride, bytes.count % stride == 0,
              Int(bitPattern: bytes.baseAddress) % MemoryLayout<T>.alignment == 0
        else { throw IndexFileError.corrupt(path: path, detail: "\(id.name) has the wrong element size") }
        return Column(memory: memory, address: UInt(bitPattern: bytes.baseAddress), count: bytes.count / stride)
    }

    /// Releases the pages of section `id`; they are read again from the page cache when used.
    private func done(_ ids: IndexSection...) {
        for id in ids {
            if let entry = sections[id] { file.release(entry.offset..<(entry.offset + entry.length)) }
        }
    }

    private func corrupt(_ detail: String) -> IndexFileError { .corrupt(path: path, detail: detail) }

    /// Checks CSR offsets: `rows + 1` of them, from 0, never decreasing, ending at `total`.
    private func checkOffsets<C: RandomAccessCollection<Int>>(_ offsets: C, rows: Int, total: Int, _ name: String) throws
    where C.Index == Int {
        guard offsets.count == rows + 1, offsets.first == 0, offsets.last == total else {
            throw corrupt("\(name) offsets do not match their data")
        }
        for i in 0..<rows where offsets[i] > offsets[i + 1] { throw corrupt("\(name) offsets decrease") }
    }

    private func checkOffsets(_ offsets: Column<Int>, rows: Int, total: Int, _ name: String) throws {
        guard offsets.count == rows + 1, offsets.first == 0, offsets.last == total else {
            throw corrupt("\(name) offsets do not match their data")
        }
        let increasing = offsets.withUnsafeBufferPointer { all in
            var previous = 0
            for offset in all {
                if offset < previous { return false }
                previous = offset
            }
            return true
        }
        guard increasing else { throw corrupt("\(name) offsets decrease") }
    }

    private func checkIDs(_ ids: [Int32], below limit: Int, _ name: String) throws {
        for id in ids where id < 0 || Int(id) >= limit { throw corrupt("\(name) holds id \(id) of \(limit)") }
    }

    /// Rows whose columns are below `limit` and strictly increasing, read in place.
    private func rows(_ ids: (IndexSection, IndexSection, IndexSection), count: Int, columns limit: Int) throws -> SparseRows {
        let columns = try column(ids.1, of: Int32.self)
        let values = try column(ids.2, of: Float.self)
        let offsets = try column(ids.0, of: Int.self)
        guard values.count == columns.count else { throw corrupt("\(ids.2.name) and \(ids.1.name) differ in length") }
        try checkOffsets(offsets, rows: count, total: columns.count, ids.0.name)
        // Rows are checked in independent runs, side by side on the cores there are.
        let runs = ParallelChunks.ranges(count, pieces: 4 * ParallelChunks.availableCores)
        let ordered = ParallelChunks.map(runs.count, workers: ParallelChunks.availableCores) { run in
            offsets.withUnsafeBufferPointer { offsets in
                columns.withUnsafeBufferPointer { columns in
                    for r in runs[run] {
                        var previous: Int32 = -1
                        for i in offsets[r]..<offsets[r + 1] {
                            let column = columns[i]
                            guard column > previous else { return false }
                            previous = column
                        }
                        if Int(previous) >= limit { return false }
                    }
                    return true
                }
            }
        }.allSatisfy { $0 }
        guard ordered else { throw corrupt("\(ids.1.name) has a row out of order or range") }
        done(ids.0, ids.1, ids.2)
        return SparseRows(offsets: offsets, columns: columns, values: values)
    }

    /// A string table from offsets and bytes, rejecting invalid UTF-8 and duplicates.
    private func strings(_ offsetsID: IndexSection, _ bytesID: IndexSection) throws -> ByteStringTable {
        let offsets = try array(offsetsID, of: Int.self)
        let bytes = try array(bytesID, of: UInt8.self)
        guard !offsets.isEmpty else { throw corrupt("\(offsetsID.name) is empty") }
        try checkOffsets(offsets, rows: offsets.count - 1, total: bytes.count, offsetsID.name)
        var table = ByteStringTable()
        try bytes.withUnsafeBufferPointer { all in
            for i in 0..<(offsets.count - 1) {
                let word = UnsafeBufferPointer(rebasing: all[offsets[i]..<offsets[i + 1]])
                guard UTF8Validation.isValid(word) else { throw corrupt("\(bytesID.name) is not UTF-8") }
                guard table.insert(word).inserted else { throw corrupt("\(bytesID.name) repeats a word") }
            }
        }
        return table
    }

    /// The settings section.
    func settings() throws -> IndexSettings {
        let bytes = try raw(.settings)
        guard let text = String(validating: bytes.bindMemory(to: UInt8.self), as: UTF8.self) else {
            throw corrupt("settings are not UTF-8")
        }
        return IndexSettings(text: text)
    }

    /// The corpus files recorded.
    func files() throws -> [IndexedFile] {
        let records = try raw(.files)
        let strings = try raw(.strings)
        guard records.count % RecordSize.file == 0 else { throw corrupt("file records are cut short") }
        func text(_ offset: Int64, _ length: Int64) throws -> String {
            guard offset >= 0, length >= 0, offset <= Int64(strings.count), length <= Int64(strings.count) - offset,
                  let text = String(validating: strings[Int(offset)..<Int(offset + length)], as: UTF8.self)
            else { throw corrupt("a file name points outside the strings") }
            return text
        }
        var files: [IndexedFile] = []
        var documents = 0
        for r in 0..<(records.count / RecordSize.file) {
            let at = r * RecordSize.file
            func field(_ i: Int) -> Int64 { Int64(littleEndian: records.loadUnaligned(fromByteOffset: at + 8 * i, as: Int64.self)) }
            let document = field(6)
            guard document == -1 || document == Int64(documents) else { throw corrupt("file records are out of order") }
            if document >= 0 { documents += 1 }
            let warning = try text(field(4), field(5))
            files.append(IndexedFile(
                path: try text(field(0), field(1)), source: try text(field(2), field(3)), size: field(7), modified: field(8),
                document: document >= 0 ? Int(document) : nil, warning: warning.isEmpty ? nil : warning))
        }
        return files
    }

    /// The whole index, checked for consistency.
    ///
    /// - Throws: ``IndexFileError`` when anything is damaged or inconsistent.
    func load() throws -> SavedIndex {
        let settings = try settings()
        let files = try files()
        let sources = files.compactMap { $0.document == nil ? nil : $0.source }
        let textOffsets = try column(.textOffsets, of: Int.self)
        let text = try column(.text, of: UInt8.self, checksumming: false)
        try checkOffsets(textOffsets, rows: sources.count, total: text.count, "text")
        let documentCount = sources.count
        try verifySections(andText: text, offsets: textOffsets, documents: documentCount)
        done(.text)
        let documents = DocumentList(sources: sources, text: text, offsets: textOffsets)

        let sentenceRecords = try column(.sentences, of: SentenceRecord.self)
        let sentenceCount = sentenceRecords.count
        try sentenceRecords.withUnsafeBufferPointer { records in
            var previousDocument: Int32 = 0
            for (r, record) in records.enumerated() {
                let document = Int(record.document)
                // A lead-in is an earlier sentence of the same document.
                let leadIn = r - Int(record.leadInDistance)
                guard record.document >= previousDocument, document < documentCount, SentenceRole(code: record.role) != nil,
                      record.leadInDistance >= 0, leadIn >= 0, records[leadIn].document == record.document,
                      record.start >= 0, record.start <= record.end,
                      record.end <= Int64(textOffsets[document + 1] - textOffsets[document])
                else { throw corrupt("sentence \(r + 1) is out of range") }
                previousDocument = record.document
            }
        }
        let paragraphRecords = try column(.paragraphs, of: ParagraphRecord.self)
        var paragraphOfSentence = [Int32](repeating: -1, count: sentenceCount)
        try paragraphRecords.withUnsafeBufferPointer { paragraphs in
            try sentenceRecords.withUnsafeBufferPointer { sentences in
                for (r, record) in paragraphs.enumerated() {
                    let document = Int(record.document)
                    guard document >= 0, document < documentCount, record.start >= 0, record.start <= record.end,
                          record.end <= Int64(textOffsets[document + 1] - textOffsets[document]),
                          record.firstSentence >= 0, record.firstSentence <= record.endSentence,
                          record.endSentence <= Int64(sentenceCount)
                    else { throw corrupt("paragraph \(r + 1) is out of range") }
                    for s in Int(record.firstSentence)..<Int(record.endSentence) {
                        guard paragraphOfSentence[s] < 0, sentences[s].document == record.document else {
                            throw corrupt("paragraph \(r + 1) overlaps another")
                        }
                        paragraphOfSentence[s] = Int32(r)
                    }
                }
            }
        }
        guard !paragraphOfSentence.contains(-1) else { throw corrupt("a sentence belongs to no paragraph") }
        done(.sentences, .paragraphs)
        let passageStarts = try column(.passageStarts, of: Int.self)
        guard !passageStarts.isEmpty else { throw corrupt("no passage table") }
        try checkOffsets(passageStarts, rows: passageStarts.count - 1, total: sentenceCount, "passage")
        var passageOfSentence = [Int32](repeating: 0, count: sentenceCount)
        for p in 0..<(passageStarts.count - 1) {
            let range = passageStarts[p]..<passageStarts[p + 1]
            guard !range.isEmpty else { throw corrupt("passage \(p + 1) is empty") }
            for s in range { passageOfSentence[s] = Int32(p) }
        }
        let shapes = try column(.passageShapes, of: UInt64.self)
        guard shapes.count == passageStarts.count - 1 else { throw corrupt("passage shapes differ in number from the passages") }
        let passages = PassageList(starts: passageStarts, shapes: shapes)
        done(.passageStarts)

        let terms = try strings(.termOffsets, .termBytes)
        let surfaces = try strings(.surfaceOffsets, .surfaceBytes)
        let surfaceTerms = try array(.surfaceTerms, of: Int32.self)
        let surfaceCounts = try array(.surfaceCounts, of: Int.self)
        guard surfaceTerms.count == surfaces.count, surfaceCounts.count == surfaces.count else {
            throw corrupt("surface tables differ in length")
        }
        try checkIDs(surfaceTerms, below: terms.count, "surfaceTerms")
        guard surfaceCounts.allSatisfy({ $0 >= 0 }) else { throw corrupt("surfaceCounts holds a negative count") }
        let sentenceVectors = try rows((.sentenceOffsets, .sentenceColumns, .sentenceValues), count: sentenceCount, columns: terms.count)
        let postings = try rows((.postingOffsets, .postingRows, .postingValues), count: terms.count, columns: passages.count)
        let sentenceIDF = try array(.sentenceIDF, of: Float.self)
        let passageIDF = try array(.passageIDF, of: Float.self)
        let sentenceFrequency = try array(.sentenceFrequency, of: Int32.self)
        guard sentenceIDF.count == terms.count, passageIDF.count == terms.count, sentenceFrequency.count == terms.count else {
            throw corrupt("term statistics differ in length from the vocabulary")
        }
        // Weights that are not finite would make every score they touch meaningless.
        guard sentenceIDF.allSatisfy({ $0.isFinite && $0 >= 0 }), passageIDF.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw corrupt("an idf is negative or not a number")
        }
        guard sentenceFrequency.allSatisfy({ $0 >= 0 && Int($0) <= sentenceCount }) else {
            throw corrupt("sentenceFrequency holds a count outside 0…\(sentenceCount)")
        }
        guard let passageSize = Int(settings.values["index.passageSentences"] ?? ""), passageSize > 0 else {
            throw corrupt("no passage size in the settings")
        }
        var vocabulary = Vocabulary()
        vocabulary.load(terms: terms, surfaces: surfaces, surfaceTerms: surfaceTerms, surfaceCounts: surfaceCounts)
        let index = CorpusIndex(
            documents: documents, sentences: SentenceList(records: sentenceRecords),
            paragraphs: ParagraphList(records: paragraphRecords), passages: passages,
            passageOfSentence: Column(passageOfSentence), paragraphOfSentence: Column(paragraphOfSentence),
            vocabulary: vocabulary, sentenceVectors: sentenceVectors,
            passagePostings: postings, sentenceIDF: sentenceIDF, passageIDF: passageIDF,
            sentenceFrequency: sentenceFrequency, options: IndexOptions(passageSentences: passageSize))
        return SavedIndex(index: index, files: files, settings: settings)
    }

    /// Checksums every section answering reads and checks that each document's `text` is
    /// UTF-8, as independent passes side by side on the cores there are, largest first;
    /// each pass releases the pages it read. A damaged section is reported before invalid
    /// text, since damage can make text invalid.
    ///
    /// Loading is mostly these passes: on one core they took most of the time to the first
    /// answer from a large index.
    ///
    /// - Throws: ``IndexFileError/checksumMismatch(path:section:)`` for the first damaged
    ///   section in section order, else ``IndexFileError/corrupt(path:detail:)`` for text
    ///   that is not UTF-8.
    private func verifySections(andText text: Column<UInt8>, offsets: Column<Int>, documents: Int) throws {
        let pending = IndexSection.allCases.filter { $0.isReadWhenAnswering && !verified.contains($0) }
        let entries = try pending.map { id in
            guard let entry = sections[id] else { throw corrupt("no \(id.name) section") }
            return (id: id, range: entry.offset..<(entry.offset + entry.length), checksum: entry.checksum)
        }
        let pieces = text.withUnsafeBufferPointer { Self.utf8Pieces(of: $0, documents: (0..<documents).map { offsets[$0]..<offsets[$0 + 1] }) }
        // UTF-8 pieces are jobs -1, -2, …; checking runs at about the checksum's speed, so
        // jobs are ordered by bytes.
        let jobs = (pieces.indices.map { (job: -1 - $0, bytes: pieces[$0].count) }
            + entries.indices.map { (job: $0, bytes: entries[$0].range.count) })
            .sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.job < $1.job }
        let file = self.file
        let passed = ParallelChunks.map(jobs.count, workers: ParallelChunks.availableCores) { position in
            let job = jobs[position].job
            guard job >= 0 else {
                return text.withUnsafeBufferPointer { bytes in
                    UTF8Validation.isValid(UnsafeBufferPointer(rebasing: bytes[pieces[-1 - job]]))
                }
            }
            let entry = entries[job]
            let matches = Checksum64.of(UnsafeRawBufferPointer(rebasing: file.bytes[entry.range])) == entry.checksum
            file.release(entry.range)
            return matches
        }
        var textIsUTF8 = true
        var damaged = Set<Int>()
        for (position, ok) in passed.enumerated() where !ok {
            if jobs[position].job < 0 { textIsUTF8 = false } else { damaged.insert(jobs[position].job) }
        }
        if let first = damaged.min() {
            throw IndexFileError.checksumMismatch(path: path, section: entries[first].id.name)
        }
        verified.formUnion(pending)
        guard textIsUTF8 else { throw corrupt("a document is not UTF-8") }
    }

    /// The most bytes of text one UTF-8 check takes on, so that the checks share the cores.
    static let utf8PieceBytes = 8 << 20

    /// `documents` (ranges of `bytes`) cut into pieces of about `pieceBytes` that
    /// are each valid UTF-8 exactly when their documents all are: a cut falls only before a
    /// byte that is not a continuation byte, where a valid text starts a character, and
    /// pieces that are valid on their own join into valid text.
    static func utf8Pieces(of bytes: UnsafeBufferPointer<UInt8>, documents: [Range<Int>],
                           pieceBytes: Int = utf8PieceBytes) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        for document in documents {
            var start = document.lowerBound
            while document.upperBound - start > pieceBytes {
                var cut = start + pieceBytes
                while cut < document.upperBound, bytes[cut] & 0xC0 == 0x80 { cut += 1 }
                if cut == document.upperBound { break }
                pieces.append(start..<cut)
                start = cut
            }
            pieces.append(start..<document.upperBound)
        }
        return pieces
    }

    /// The per-document analyses of a loaded index, as pool 0, for an incremental update.
    ///
    /// - Throws: ``IndexFileError`` when the segment sections are damaged.
    func analyses(of saved: SavedIndex) throws -> (pool: TermPool, analyses: [DocumentAnalysis]) {
        let index = saved.index
        let terms = try strings(.termOffsets, .termBytes)
        let surfaces = try strings(.surfaceOffsets, .surfaceBytes)
        let surfaceTerms = try array(.surfaceTerms, of: Int32.self)
        let counts = try array(.sentenceCounts, of: Int32.self)
        guard counts.count == index.sentenceVectors.columns.count, surfaceTerms.count == surfaces.count else {
            throw corrupt("sentence counts differ in length from the sentence vectors")
        }
        for count in counts where count <= 0 { throw corrupt("a sentence count is not positive") }
        let documentCount = index.documents.count
        let termOffsets = try array(.documentTermOffsets, of: Int.self)
        let documentTerms = try array(.documentTerms, of: Int32.self)
        try checkOffsets(termOffsets, rows: documentCount, total: documentTerms.count, "documentTerms")
        try checkIDs(documentTerms, below: terms.count, "documentTerms")
        let surfaceOffsets = try array(.documentSurfaceOffsets, of: Int.self)
        let documentSurfaces = try array(.documentSurfaces, of: Int32.self)
        let documentSurfaceCounts = try array(.documentSurfaceCounts, of: Int32.self)
        try checkOffsets(surfaceOffsets, rows: documentCount, total: documentSurfaces.count, "documentSurfaces")
        guard documentSurfaceCounts.count == documentSurfaces.count else { throw corrupt("surface counts differ in length") }
        try checkIDs(documentSurfaces, below: surfaces.count, "documentSurfaces")

        var starts = [Int](repeating: index.sentences.count, count: documentCount + 1)
        for (s, sentence) in index.sentences.enumerated().reversed() { starts[sentence.document] = s }
        for d in stride(from: documentCount - 1, through: 0, by: -1) { starts[d] = min(starts[d], starts[d + 1]) }
        var paragraphStarts = [Int](repeating: index.paragraphs.count, count: documentCount + 1)
        for (p, paragraph) in index.paragraphs.enumerated().reversed() { paragraphStarts[paragraph.document] = p }
        for d in stride(from: documentCount - 1, through: 0, by: -1) { paragraphStarts[d] = min(paragraphStarts[d], paragraphStarts[d + 1]) }

        var analyses: [DocumentAnalysis] = []
        let vectors = index.sentenceVectors
        for d in 0..<documentCount {
            var analysis = DocumentAnalysis(pool: 0)
            let base = starts[d]
            analysis.sentences = index.sentences[starts[d]..<starts[d + 1]].map { sentence in
                var sentence = sentence
                sentence.document = 0
                return sentence
            }
            analysis.paragraphs = index.paragraphs[paragraphStarts[d]..<paragraphStarts[d + 1]].map { paragraph in
                var paragraph = paragraph
                paragraph.document = 0
                paragraph.sentences = (paragraph.sentences.lowerBound - base)..<(paragraph.sentences.upperBound - base)
                return paragraph
            }
            analysis.termOrder = Array(documentTerms[termOffsets[d]..<termOffsets[d + 1]])
            for s in starts[d]..<starts[d + 1] {
                let row = vectors.row(s)
                analysis.rowTerms.append(contentsOf: vectors.columns[row])
                analysis.rowCounts.append(contentsOf: counts[row])
                analysis.rowOffsets.append(analysis.rowTerms.count)
            }
            analysis.surfaces = Array(documentSurfaces[surfaceOffsets[d]..<surfaceOffsets[d + 1]])
            analysis.surfaceCounts = Array(documentSurfaceCounts[surfaceOffsets[d]..<surfaceOffsets[d + 1]])
            // Every term a row uses must be among the document's terms, or merging would misnumber it.
            let known = Set(analysis.termOrder)
            guard analysis.rowTerms.allSatisfy(known.contains),
                  analysis.surfaces.allSatisfy({ known.contains(surfaceTerms[Int($0)]) })
            else { throw corrupt("document \(d + 1)'s terms are incomplete") }
            analyses.append(analysis)
        }
        return (TermPool(terms: terms, surfaces: surfaces, surfaceTerm: surfaceTerms), analyses)
    }
}
