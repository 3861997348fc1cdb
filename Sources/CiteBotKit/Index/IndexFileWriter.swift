import Foundation

/// Writes a saved index atomically: into a new temporary file in the destination's
/// directory, flushed to disk, then renamed over the destination.
///
/// A reader therefore sees the old file or the new one, never a mixture; a writer killed
/// midway leaves only its temporary file behind (removed by later writers once it is an
/// hour old); two writers to the same destination each finish their own file and the
/// later rename wins.
struct IndexFileWriter {
    let index: CorpusIndex
    let segments: IndexSegments
    let files: [IndexedFile]
    let settings: IndexSettings

    /// - Throws: ``IndexFileError/unwritable(path:reason:)``.
    func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".tmp-"
        Self.removeAbandonedTemporaries(in: directory, prefix: prefix)
        var template = Array((directory + "/" + prefix + "\(getpid())-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw IndexFileError.unwritable(path: path, reason: MappedFile.errnoText()) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var finished = false
        defer {
            if !finished { unlink(temporary) }
        }
        do {
            var output = SectionOutput(descriptor: descriptor, path: path)
            try writeSections(to: &output)
            try output.finish()
            fchmod(descriptor, 0o644)
            guard fsync(descriptor) == 0 else { throw IndexFileError.unwritable(path: path, reason: MappedFile.errnoText()) }
            close(descriptor)
        } catch {
            close(descriptor)
            throw error
        }
        guard rename(temporary, path) == 0 else { throw IndexFileError.unwritable(path: path, reason: MappedFile.errnoText()) }
        finished = true
        // Make the rename itself durable.
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private func writeSections(to output: inout SectionOutput) throws {
        try output.section(.settings, bytes: Array(settings.text.utf8))
        var strings: [UInt8] = []
        var records = ByteEncoder()
        for file in files {
            for text in [file.path, file.source, file.warning ?? ""] {
                records.append(Int64(strings.count))
                records.append(Int64(text.utf8.count))
                strings.append(contentsOf: text.utf8)
            }
            records.append(Int64(file.document ?? -1))
            records.append(file.size)
            records.append(file.modified)
        }
        try output.section(.files, bytes: records.bytes)
        try output.section(.strings, bytes: strings)

        var textOffsets: [Int] = [0]
        for d in index.documents.indices { textOffsets.append(textOffsets[textOffsets.count - 1] + index.documents.byteCount(of: d)) }
        try output.section(.text, elementSize: 1) { output in
            if let mapped = index.documents.mapped {
                try mapped.text.withUnsafeBytes { try output.append($0) }
            } else {
                for document in index.documents.documents {
                    var text = document.text
                    try text.withUTF8 { try output.append(UnsafeRawBufferPointer($0)) }
                }
            }
        }
        try output.section(.textOffsets, textOffsets)
        try output.section(.sentences, index.sentences.records)
        try output.section(.paragraphs, index.paragraphs.records)
        try output.section(.passageStarts, index.passages.starts)
        try output.section(.passageShapes, index.passages.shapes)

        try output.section(.termOffsets, segments.terms.offsets)
        try output.section(.termBytes, bytes: segments.terms.bytes)
        try output.section(.surfaceOffsets, segments.surfaces.offsets)
        try output.section(.surfaceBytes, bytes: segments.surfaces.bytes)
        try output.section(.surfaceTerms, segments.surfaceTerms)
        try output.section(.surfaceCounts, segments.surfaceCounts)
        for (rows, ids) in [
            (index.sentenceVectors, (IndexSection.sentenceOffsets, IndexSection.sentenceColumns, IndexSection.sentenceValues)),
            (index.passagePostings, (.postingOffsets, .postingRows, .postingValues)),
        ] {
            try output.section(ids.0, rows.offsets)
            try output.section(ids.1, rows.columns)
            try output.section(ids.2, rows.values)
        }
        try output.section(.sentenceIDF, index.sentenceIDF)
        try output.section(.passageIDF, index.passageIDF)
        try output.section(.sentenceFrequency, index.sentenceFrequency)
        try output.section(.sentenceCounts, segments.sentenceCounts)
        try output.section(.documentTermOffsets, segments.documentTermOffsets)
        try output.section(.documentTerms, segments.documentTerms)
        try output.section(.documentSurfaceOffsets, segments.documentSurfaceOffsets)
        try output.section(.documentSurfaces, segments.documentSurfaces)
        try output.section(.documentSurfaceCounts, segments.documentSurfaceCounts)
    }

    /// Deletes temporary files of writers that died at least an hour ago.
    private static func removeAbandonedTemporaries(in directory: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let cutoff = Date().addingTimeInterval(-3600)
        for name in names where name.hasPrefix(prefix) {
            let path = directory + "/" + name
            if let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
               modified < cutoff {
                unlink(path)
            }
        }
    }
}

/// Little-endian encoding of fixed-size records.
struct ByteEncoder {
    var bytes: [UInt8] = []

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Streams sections to a file descriptor, then writes the header and section table.
struct SectionOutput {
    let descriptor: Int32
    let path: String
    private var entries: [(id: IndexSection, elementSize: Int, offset: Int, length: Int, checksum: UInt64)] = []
    private var position: Int
    private var buffer: [UInt8] = []
    private var checksum = Checksum64()

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        position = IndexFileFormat.headerSize + IndexSection.allCases.count * IndexFileFormat.tableEntrySize
        // Room for the header and table, written last.
        buffer = [UInt8](repeating: 0, count: position)
    }

    /// A section holding the raw bytes of `values` (the host is little-endian; checked at load).
    mutating func section<T>(_ id: IndexSection, _ values: [T]) throws {
        try section(id, elementSize: MemoryLayout<T>.stride) { output in
            try values.withUnsafeBytes { try output.append($0) }
        }
    }

    mutating func section<T>(_ id: IndexSection, _ values: Column<T>) throws {
        try section(id, elementSize: MemoryLayout<T>.stride) { output in
            try values.withUnsafeBytes { try output.append($0) }
        }
    }

    mutating func section(_ id: IndexSection, bytes: [UInt8], elementSize: Int = 1) throws {
        try section(id, elementSize: elementSize) { output in
            try bytes.withUnsafeBytes { try output.append($0) }
        }
    }

    /// A section whose bytes `body` appends.
    mutating func section(_ id: IndexSection, elementSize: Int, _ body: (inout SectionOutput) throws -> Void) throws {
        while position % 8 != 0 {
            buffer.append(0)
            position += 1
        }
        let start = position
        checksum = Checksum64()
        try body(&self)
        entries.append((id, elementSize, start, position - start, checksum.finish()))
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) throws {
        checksum.update(bytes)
        position += bytes.count
        if bytes.count >= 1 << 20 {
            try flush()
            try Self.writeAll(bytes, to: descriptor, path: path)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 22 { try flush() }
    }

    private mutating func flush() throws {
        try buffer.withUnsafeBytes { try Self.writeAll($0, to: descriptor, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered, then the header and table at the start of the file.
    mutating func finish() throws {
        try flush()
        var header = ByteEncoder()
        header.bytes.append(contentsOf: IndexFileFormat.magic)
        header.append(IndexFileFormat.version)
        header.append(UInt32(entries.count))
        header.append(UInt64(position))
        header.append(UInt64(0))  // the checksum, filled in below
        header.bytes.append(contentsOf: repeatElement(0, count: IndexFileFormat.headerSize - header.bytes.count))
        for entry in entries {
            header.append(entry.id.rawValue)
            header.append(UInt32(entry.elementSize))
            header.append(UInt64(entry.offset))
            header.append(UInt64(entry.length))
            header.append(entry.checksum)
        }
        let checksum = header.bytes.withUnsafeBytes { Checksum64.of($0) }
        withUnsafeBytes(of: checksum.littleEndian) { header.bytes.replaceSubrange(24..<32, with: $0) }
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw IndexFileError.unwritable(path: path, reason: MappedFile.errnoText())
        }
        try header.bytes.withUnsafeBytes { try Self.writeAll($0, to: descriptor, path: path) }
    }

    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw IndexFileError.unwritable(path: path, reason: MappedFile.errnoText())
            }
            offset += written
        }
    }
}
