import Foundation
import Testing
@testable import CiteBotKit

/// Saved indexes: round trip, damage detection, incremental updates and the cache.
@Suite struct IndexFileTests {
    static let store = IndexStore(builder: IndexBuilder(analyzer: Fixtures.analyzer), producer: "tests")

    /// A fresh directory holding a small corpus of `files` (name → text).
    static func corpus(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("citebot-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        return directory
    }

    static let files = [
        "a.txt": "Botox relaxes the muscles that cause wrinkles. Results last 3 to 4 months.",
        "b.md": "# Fillers\n\nDermal fillers contain hyaluronic acid.\n\nThey restore lost volume.",
        "c.txt": "Costs differ. Fillers cost more than Botox in most clinics.",
    ]

    func answers(_ index: CorpusIndex) -> [String] {
        let answerer = Answerer(index: index, analyzer: Fixtures.analyzer)
        return ["How long does Botox last?", "What do fillers contain?", "Which costs more?", "hyaluronik acid"]
            .map { question in
                let answer = answerer.answer(question)
                return answer.text + answer.citations.map { "|\($0.source)#\($0.paragraph).\($0.sentence)" }.joined()
            }
    }

    func saved(_ directory: URL) throws -> (outcome: IndexStore.Outcome, path: String) {
        let outcome = try Self.store.build(paths: [directory.path])
        let path = directory.appendingPathComponent("index.cbx").path
        try Self.store.write(outcome, to: path)
        return (outcome, path)
    }

    @Test func roundTripGivesTheSameIndexAndAnswers() throws {
        let directory = try Self.corpus(Self.files)
        let (outcome, path) = try saved(directory)
        let loaded = try Self.store.load(path: path)
        #expect(IndexComparison.differences(outcome.index, loaded.index).isEmpty)
        #expect(answers(outcome.index) == answers(loaded.index))
        #expect(loaded.files.map(\.source) == outcome.files.map(\.source))
    }

    @Test func versionMismatchIsNamed() throws {
        let (_, path) = try saved(try Self.corpus(Self.files))
        try patch(path, at: 8, bytes: [9, 0, 0, 0])
        #expect(throws: IndexFileError.versionMismatch(path: path, found: 9, expected: IndexFileFormat.version)) {
            try Self.store.load(path: path)
        }
    }

    @Test func flippedByteFailsTheChecksum() throws {
        let (_, path) = try saved(try Self.corpus(Self.files))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        // A byte inside the sections (past header and table): some section's checksum must fail.
        let at = size - 3
        let original = try Data(contentsOf: URL(fileURLWithPath: path))[at]
        try patch(path, at: at, bytes: [original ^ 0x40])
        #expect {
            let reader = try IndexFileReader(path: path)
            let saved = try reader.load()
            _ = try reader.analyses(of: saved)
        } throws: { error in
            if case .checksumMismatch = error as? IndexFileError { return true }
            return false
        }
    }

    /// The text is checksummed and checked to be UTF-8 side by side: a damaged byte is
    /// still named as a checksum failure of the text, and a forged one as text that is not UTF-8.
    @Test func aFlippedByteInTheTextFailsItsChecksum() throws {
        let (_, path) = try saved(try Self.corpus(Self.files))
        let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let text = try #require(locate(.text, in: file)).bytes
        try patch(path, at: text.lowerBound + 2, bytes: [file[text.lowerBound + 2] ^ 0x01])
        #expect(throws: IndexFileError.checksumMismatch(path: path, section: IndexSection.text.name)) {
            _ = try IndexFileReader(path: path).load()
        }
    }

    /// Sections are checksummed side by side in no fixed order; the damaged section named
    /// is still the first in section order.
    @Test func ofTwoDamagedSectionsTheFirstIsNamed() throws {
        let (_, path) = try saved(try Self.corpus(Self.files))
        let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        for id in [IndexSection.postingValues, .sentences] {
            let bytes = try #require(locate(id, in: file)).bytes
            try patch(path, at: bytes.lowerBound, bytes: [file[bytes.lowerBound] ^ 0x10])
        }
        #expect(throws: IndexFileError.checksumMismatch(path: path, section: IndexSection.sentences.name)) {
            _ = try IndexFileReader(path: path).load()
        }
    }

    @Test func forgedTextThatIsNotUTF8IsRejected() throws {
        let (_, path) = try saved(try Self.corpus(Self.files))
        try rewrite(path, section: .text) { bytes in bytes[1] = 0xFF }
        #expect(throws: IndexFileError.corrupt(path: path, detail: "a document is not UTF-8")) {
            _ = try IndexFileReader(path: path).load()
        }
    }

    @Test func truncatedFileIsNamed() throws {
        let (_, path) = try saved(try Self.corpus(Self.files))
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        let size = whole.count
        for length in [0, 10, 100, size / 2, size - 1] {
            try whole.prefix(length).write(to: URL(fileURLWithPath: path))
            #expect(throws: IndexFileError.self) { try Self.store.load(path: path) }
            if length >= 64 {
                #expect(throws: IndexFileError.truncated(path: path, expected: size, actual: length)) {
                    try Self.store.load(path: path)
                }
            }
        }
    }

    @Test func notAnIndexIsNamed() throws {
        let path = try Self.corpus(["x.cbx": String(repeating: "hello ", count: 50)]).appendingPathComponent("x.cbx").path
        #expect(throws: IndexFileError.notAnIndex(path: path)) { try Self.store.load(path: path) }
    }

    /// A crafted file: valid checksums, but offsets and ids that point outside their data.
    @Test(arguments: [IndexSection.sentences, .paragraphs, .sentenceColumns, .postingRows, .sentenceOffsets,
                      .passageStarts, .textOffsets, .termOffsets, .files, .documentTerms])
    func craftedOutOfRangeValuesAreRejected(section: IndexSection) throws {
        let (outcome, path) = try saved(try Self.corpus(Self.files))
        try rewrite(path, section: section) { bytes in
            // Overwrite the first 8-byte field after the first with a huge value.
            let at = min(8, max(0, bytes.count - 8))
            guard bytes.count >= 8 else { return }
            bytes.replaceSubrange(at..<(at + 8), with: withUnsafeBytes(of: Int64(1) << 40) { Array($0) })
        }
        #expect(throws: IndexFileError.self, "\(section.name)") {
            let reader = try IndexFileReader(path: path)
            let saved = try reader.load()
            _ = try reader.analyses(of: saved)
        }
        _ = outcome
    }

    /// A record field at the largest value it can hold is rejected like any other out of
    /// range, not overflowing the arithmetic that checks it or follows the checks (the
    /// first sentence of a paragraph once did, in releasing the pages read).
    @Test(arguments: [(IndexSection.paragraphs, 24), (.paragraphs, 32), (.paragraphs, 8), (.sentences, 16)])
    func extremeRecordFieldsAreRejected(section: IndexSection, at offset: Int) throws {
        let (_, path) = try saved(try Self.corpus(Self.files))
        try rewrite(path, section: section) { bytes in
            bytes.replaceSubrange(offset..<(offset + 8), with: withUnsafeBytes(of: Int64.max.littleEndian) { Array($0) })
        }
        #expect(throws: IndexFileError.self, "\(section.name) at \(offset)") { _ = try IndexFileReader(path: path).load() }
    }

    /// A sentence's lead-in must be an earlier sentence of its own document: the first
    /// sentence has none, and a negative distance points forwards.
    @Test(arguments: [Int16(1), -1, .max])
    func aLeadInOutsideItsDocumentIsRejected(distance: Int16) throws {
        let (_, path) = try saved(try Self.corpus(Self.files))
        try rewrite(path, section: .sentences) { bytes in
            // The first record's lead-in distance: after document, paragraph, number, role.
            bytes.replaceSubrange(14..<16, with: withUnsafeBytes(of: distance.littleEndian) { Array($0) })
        }
        #expect(throws: IndexFileError.self, "\(distance)") { _ = try IndexFileReader(path: path).load() }
    }

    /// Term statistics a forger could make meaningless: a negative spelling count, an idf
    /// that is not a number or negative, a sentence frequency above the sentence count.
    @Test(arguments: [
        (IndexSection.surfaceCounts, withUnsafeBytes(of: Int64(-5).littleEndian) { Array($0) }, "surfaceCounts holds a negative count"),
        (.sentenceIDF, withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) { Array($0) }, "an idf is negative or not a number"),
        (.passageIDF, withUnsafeBytes(of: Float(-1).bitPattern.littleEndian) { Array($0) }, "an idf is negative or not a number"),
        (.sentenceFrequency, withUnsafeBytes(of: Int32.max.littleEndian) { Array($0) }, "sentenceFrequency holds a count outside"),
    ])
    func craftedTermStatisticsAreRejected(section: IndexSection, value: [UInt8], detail: String) throws {
        let (_, path) = try saved(try Self.corpus(Self.files))
        try rewrite(path, section: section) { bytes in bytes.replaceSubrange(0..<value.count, with: value) }
        #expect(throws: IndexFileError.self, "\(section.name)") { try Self.store.load(path: path) }
        do {
            _ = try Self.store.load(path: path)
        } catch let IndexFileError.corrupt(_, message) {
            #expect(message.hasPrefix(detail), "\(message)")
        }
    }

    @Test func passageShapesOfAnotherCountAreRejected() throws {
        let (_, path) = try saved(try Self.corpus(Self.files))
        // The table says the section is one shape shorter; its checksum and the header's fit.
        var file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let (at, range) = try #require(locate(.passageShapes, in: file))
        let shorter = range.lowerBound..<(range.upperBound - 8)
        withUnsafeBytes(of: Int64(shorter.count).littleEndian) { file.replaceSubrange((at + 16)..<(at + 24), with: $0) }
        let checksum = Array(file[shorter]).withUnsafeBytes { Checksum64.of($0) }
        withUnsafeBytes(of: checksum.littleEndian) { file.replaceSubrange((at + 24)..<(at + 32), with: $0) }
        try Data(file).write(to: URL(fileURLWithPath: path))
        try rewrite(path, section: .settings) { _ in }
        do {
            _ = try Self.store.load(path: path)
            Issue.record("a shape table of the wrong length was accepted")
        } catch let IndexFileError.corrupt(_, message) {
            #expect(message == "passage shapes differ in number from the passages")
        }
    }

    @Test func otherAnalyzerSettingsAreRefused() throws {
        let directory = try Self.corpus(Self.files)
        let path = directory.appendingPathComponent("index.cbx").path
        let other = IndexStore(builder: IndexBuilder(analyzer: Fixtures.analyzer, options: IndexOptions(passageSentences: 2)),
                               producer: "tests")
        try other.write(try other.build(paths: [directory.path]), to: path)
        #expect(throws: IndexFileError.self) { try Self.store.load(path: path) }
    }

    @Test func interruptedWriteLeavesTheOldIndexUsable() throws {
        let directory = try Self.corpus(Self.files)
        let (outcome, path) = try saved(directory)
        // A writer killed midway leaves only its temporary file; the index itself is untouched.
        let temporary = directory.appendingPathComponent(".index.cbx.tmp-99999-abcdef").path
        let partial = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(1000)
        try partial.write(to: URL(fileURLWithPath: temporary))
        let loaded = try Self.store.load(path: path)
        #expect(IndexComparison.differences(outcome.index, loaded.index).isEmpty)
        // Writing again succeeds beside the leftover and replaces the index atomically.
        try Self.store.write(outcome, to: path)
        #expect(IndexComparison.differences(outcome.index, try Self.store.load(path: path).index).isEmpty)
    }

    @Test func concurrentWritersLeaveOneWholeIndex() throws {
        let directory = try Self.corpus(Self.files)
        let outcome = try Self.store.build(paths: [directory.path])
        let path = directory.appendingPathComponent("index.cbx").path
        DispatchQueue.concurrentPerform(iterations: 6) { _ in try? Self.store.write(outcome, to: path) }
        #expect(IndexComparison.differences(outcome.index, try Self.store.load(path: path).index).isEmpty)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    // MARK: - Incremental updates and the cache

    func cached(_ directory: URL, cache: URL) throws -> IndexStore.Outcome {
        try Self.store.cached(paths: [directory.path], directory: cache.path)
    }

    @Test func incrementalUpdatesEqualAFreshBuild() throws {
        let directory = try Self.corpus(Self.files)
        let cache = directory.appendingPathComponent("cache")
        let first = try cached(directory, cache: cache)
        #expect(first.notices.isEmpty)
        // Change one file, add one, delete one.
        try "Botox lasts longer now: 5 months. A new sentence here.".write(
            to: directory.appendingPathComponent("a.txt"), atomically: false, encoding: .utf8)
        try "Quokkas are small marsupials. Zebras have stripes.".write(
            to: directory.appendingPathComponent("d.txt"), atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("c.txt"))
        let updated = try cached(directory, cache: cache)
        #expect(updated.notices.count == 1)
        #expect(updated.notices.first?.contains("1 changed, 1 added, 1 removed") == true)
        let fresh = try Self.store.build(paths: [directory.path])
        #expect(IndexComparison.differences(updated.index, fresh.index).isEmpty)
        #expect(updated.segments == fresh.segments)
        // And the cache now holds the update: the next run uses it without notice.
        let again = try cached(directory, cache: cache)
        #expect(again.notices.isEmpty)
        #expect(again.segments == nil)
        #expect(IndexComparison.differences(again.index, fresh.index).isEmpty)
    }

    @Test func aDamagedCacheIsRebuiltWithANotice() throws {
        let directory = try Self.corpus(Self.files)
        let cache = directory.appendingPathComponent("cache")
        let first = try cached(directory, cache: cache)
        let path = Self.store.cachePath(paths: [directory.path], names: nil, directory: cache.path)
        try FileHandle(forWritingTo: URL(fileURLWithPath: path)).truncate(atOffset: 500)
        let rebuilt = try cached(directory, cache: cache)
        #expect(rebuilt.notices.count == 1)
        #expect(rebuilt.notices.first?.contains("unusable") == true)
        #expect(IndexComparison.differences(first.index, rebuilt.index).isEmpty)
        #expect(try cached(directory, cache: cache).notices.isEmpty)
    }

    @Test func warningsSurviveTheCache() throws {
        let directory = try Self.corpus(Self.files)
        try Data([0x42, 0x6F, 0xFF, 0x74, 0x6F, 0x78, 0x20, 0x6C, 0x61, 0x73, 0x74, 0x73, 0x2E])
            .write(to: directory.appendingPathComponent("bad.txt"))
        let cache = directory.appendingPathComponent("cache")
        let first = try cached(directory, cache: cache)
        let second = try cached(directory, cache: cache)
        #expect(first.warnings.map(\.description) == second.warnings.map(\.description))
        #expect(second.warnings.contains { $0.message.contains("invalid UTF-8") })
    }

    // MARK: - Helpers

    func patch(_ path: String, at offset: Int, bytes: [UInt8]) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
    }

    /// Where `section` lies in `file`, and where its entry in the section table is.
    func locate(_ section: IndexSection, in file: [UInt8]) -> (entry: Int, bytes: Range<Int>)? {
        func load64(_ at: Int) -> Int { file[at..<(at + 8)].withUnsafeBytes { Int(Int64(littleEndian: $0.loadUnaligned(as: Int64.self))) } }
        let count = file[12..<16].withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
        for entry in 0..<count {
            let at = 64 + entry * 32
            let id = file[at..<(at + 4)].withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
            if id == section.rawValue { return (at, load64(at + 8)..<(load64(at + 8) + load64(at + 16))) }
        }
        return nil
    }

    /// Rewrites one section's bytes and fixes its checksum and the header's, as a forger would.
    func rewrite(_ path: String, section: IndexSection, _ change: (inout [UInt8]) -> Void) throws {
        var file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        if let (at, range) = locate(section, in: file) {
            var bytes = Array(file[range])
            change(&bytes)
            file.replaceSubrange(range, with: bytes)
            let checksum = bytes.withUnsafeBytes { Checksum64.of($0) }
            withUnsafeBytes(of: checksum.littleEndian) { file.replaceSubrange((at + 24)..<(at + 32), with: $0) }
        }
        file.replaceSubrange(24..<32, with: repeatElement(0, count: 8))
        let count = file[12..<16].withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
        let tableEnd = 64 + count * 32
        let header = Array(file[0..<tableEnd]).withUnsafeBytes { Checksum64.of($0) }
        withUnsafeBytes(of: header.littleEndian) { file.replaceSubrange(24..<32, with: $0) }
        try Data(file).write(to: URL(fileURLWithPath: path))
    }
}
