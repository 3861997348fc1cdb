import Foundation
import Testing
@testable import CiteBotKit

/// The documents of a loaded index: their text cache goes away with the index, and is
/// referenced through a plain pointer, so a leak checker that scans memory (LeakSanitizer
/// in CI) finds it instead of reporting it as leaked.
@Suite struct DocumentListTests {
    /// Two documents laid out as a loaded index keeps them: one run of bytes, with offsets.
    static func mapped() -> DocumentList {
        let texts = ["The first document.", "Another one."]
        var offsets = [0]
        for text in texts { offsets.append(offsets[offsets.count - 1] + text.utf8.count) }
        return DocumentList(sources: ["a.txt", "b.txt"], text: Column(Array(texts.joined().utf8)), offsets: Column(offsets))
    }

    /// The words of `value`'s memory, as a scanning leak checker reads them.
    static func words<T>(of value: T) -> [UInt] {
        withUnsafeBytes(of: value) { raw in
            let size = MemoryLayout<UInt>.size
            return (0..<(raw.count / size)).map { raw.loadUnaligned(fromByteOffset: $0 * size, as: UInt.self) }
        }
    }

    @Test func mappedListHoldsItsCacheAtItsPlainAddress() throws {
        let list = Self.mapped()
        let cache = try #require(list.mapped?.cache)
        let address = UInt(bitPattern: Unmanaged.passUnretained(cache).toOpaque())
        let words = Self.words(of: list)
        #expect(words.contains(address),
                "cache at \(String(address, radix: 16)) not among \(words.map { String($0, radix: 16) })")
    }

    @Test func mappedListReadsItsDocumentsAndSlices() {
        let list = Self.mapped()
        #expect(list.count == 2)
        #expect(list[1] == Document(source: "b.txt", text: "Another one."))
        #expect(list[1] == Document(source: "b.txt", text: "Another one."))  // the second time from the cache
        #expect(list.source(of: 0) == "a.txt")
        #expect(list.byteCount(of: 0) == 19)
        #expect(list.text(of: 0, 4..<9) == "first")
        #expect(list == DocumentList([Document(source: "a.txt", text: "The first document."),
                                      Document(source: "b.txt", text: "Another one.")]))
    }

    /// A reference that does not keep its object alive (a stored property, so the test
    /// builds with compilers older than `weak let`).
    struct Observed {
        weak var object: AnyObject?
    }

    @Test func textCacheIsFreedWithItsList() {
        var list: DocumentList? = Self.mapped()
        _ = list?[0]
        let cache = Observed(object: list?.mapped?.cache)
        #expect(cache.object != nil)
        list = nil
        #expect(cache.object == nil)
    }

    @Test func textCacheOfAnIndexFromTheCacheDirectoryIsFreedWithIt() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("citebot-documents-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try "Lanterns glow at dusk. Rivers carry silt downstream.".write(
            to: corpus.appendingPathComponent("a.txt"), atomically: false, encoding: .utf8)
        let store = IndexStore(builder: IndexBuilder(analyzer: Fixtures.analyzer), producer: "tests")
        let cacheDirectory = root.appendingPathComponent("cache").path
        _ = try store.cached(paths: [corpus.path], directory: cacheDirectory)
        var loaded: IndexStore.Outcome? = try store.cached(paths: [corpus.path], directory: cacheDirectory)
        _ = loaded?.index.documents[0]
        let cache = Observed(object: loaded?.index.documents.mapped?.cache)
        #expect(cache.object != nil, "the second run should read the index from the cache file")
        loaded = nil
        #expect(cache.object == nil)
    }
}
