import Foundation
import Testing
@testable import CiteBotKit

/// The index cache's retention: least recently used files beyond the limits go, and
/// nothing but finished index files directly inside the cache directory is ever deleted.
@Suite struct CacheRetentionTests {
    /// A fresh empty directory, removed by the caller.
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citebot-retention-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fixed moment, so that file ages are exact whatever the clock says.
    static let base = 1_700_000_000

    /// Writes `size` bytes to `name` in `directory`, last modified `age` seconds before `base`.
    static func file(_ name: String, in directory: URL, size: Int = 10, age: Int) throws {
        let path = directory.appendingPathComponent(name).path
        try Data(repeating: 0x2A, count: size).write(to: URL(fileURLWithPath: path))
        try setAge(path, age)
    }

    static func setAge(_ path: String, _ age: Int) throws {
        let time = timespec(tv_sec: base - age, tv_nsec: 0)
        let result = withUnsafeTemporaryAllocation(of: timespec.self, capacity: 2) { times in
            times[0] = time
            times[1] = time
            return utimensat(AT_FDCWD, path, times.baseAddress, AT_SYMLINK_NOFOLLOW)
        }
        try #require(result == 0, "cannot set the time of \(path)")
    }

    static func names(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// Index file name number `n`: 16 hexadecimal digits and `.cbx`.
    static func indexName(_ n: Int) -> String {
        let hex = String(n, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + ".cbx"
    }

    @Test func keepsTheMostRecentlyUsedFilesUpToTheFileLimit() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for n in 1...5 { try Self.file(Self.indexName(n), in: directory, age: n) }
        // The oldest is the one just written: it stays, and counts against the limit.
        let deleted = CacheRetention(maxFiles: 3, maxBytes: 1 << 30).prune(directory: directory.path, keeping: Self.indexName(5))
        #expect(deleted == [Self.indexName(3), Self.indexName(4)])
        #expect(try Self.names(in: directory) == [1, 2, 5].map(Self.indexName))
    }

    @Test func neverKeepsAnOlderFileOverANewerOneItDeleted() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Newest first: 2 (60 bytes) does not fit beside 1; 3 (10 bytes) would, but it is
        // older than 2, and what is kept must be the most recently used files.
        try Self.file(Self.indexName(1), in: directory, size: 50, age: 1)
        try Self.file(Self.indexName(2), in: directory, size: 60, age: 2)
        try Self.file(Self.indexName(3), in: directory, size: 10, age: 3)
        let deleted = CacheRetention(maxFiles: 10, maxBytes: 100).prune(directory: directory.path, keeping: Self.indexName(1))
        #expect(deleted == [Self.indexName(2), Self.indexName(3)])
        #expect(try Self.names(in: directory) == [Self.indexName(1)])
    }

    @Test func keepsTheMostRecentlyUsedFilesUpToTheByteLimit() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for n in 1...4 { try Self.file(Self.indexName(n), in: directory, size: 100, age: n) }
        let deleted = CacheRetention(maxFiles: 10, maxBytes: 250).prune(directory: directory.path, keeping: Self.indexName(1))
        #expect(deleted == [Self.indexName(3), Self.indexName(4)])
        #expect(try Self.names(in: directory) == [1, 2].map(Self.indexName))
    }

    @Test func keepsTheFileJustWrittenEvenWhenItAloneIsOverTheByteLimit() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.file(Self.indexName(1), in: directory, size: 300, age: 5)
        try Self.file(Self.indexName(2), in: directory, size: 10, age: 1)
        let deleted = CacheRetention(maxFiles: 10, maxBytes: 250).prune(directory: directory.path, keeping: Self.indexName(1))
        #expect(deleted == [Self.indexName(2)])
        #expect(try Self.names(in: directory) == [Self.indexName(1)])
    }

    @Test func filesUsedAtTheSameMomentAreKeptInNameOrder() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for n in [3, 1, 2] { try Self.file(Self.indexName(n), in: directory, age: 7) }
        let deleted = CacheRetention(maxFiles: 1, maxBytes: 1 << 30).prune(directory: directory.path, keeping: "")
        #expect(deleted == [Self.indexName(2), Self.indexName(3)])
    }

    @Test func deletesOnlyRegularIndexFilesInsideTheDirectory() throws {
        let directory = try Self.directory()
        let outside = try Self.directory()
        defer {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(at: outside)
        }
        let others = [
            ".00000000000000a1.cbx.tmp-123-AbC9xZ",  // a writer's temporary file, maybe being written
            "00000000000000A2.cbx", "00000000000000a3.cbx.old", "0000000000000a4.cbx", "notes.txt",
        ]
        for name in others { try Self.file(name, in: directory, age: 100) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(Self.indexName(0xb1)),
                                                withIntermediateDirectories: false)
        try Self.file("target.cbx", in: outside, age: 100)
        let link = directory.appendingPathComponent(Self.indexName(0xb2)).path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: outside.appendingPathComponent("target.cbx").path)
        try Self.setAge(link, 100)
        try Self.file(Self.indexName(0xc1), in: directory, age: 100)

        let deleted = CacheRetention(maxFiles: 0, maxBytes: 0).prune(directory: directory.path, keeping: "")
        #expect(deleted == [Self.indexName(0xc1)])
        #expect(try Self.names(in: directory) == (others + [Self.indexName(0xb1), Self.indexName(0xb2)]).sorted())
        #expect(try Self.names(in: outside) == ["target.cbx"])
    }

    @Test func missingDirectoryDeletesNothing() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("citebot-retention-\(UUID().uuidString)")
        #expect(CacheRetention.standard.prune(directory: missing.path, keeping: "").isEmpty)
    }

    @Test(arguments: [
        ("0123456789abcdef.cbx", true), ("0000000000000000.cbx", true), ("0123456789ABCDEF.cbx", false),
        ("0123456789abcdeg.cbx", false), ("123456789abcdef.cbx", false), ("00123456789abcdef.cbx", false),
        ("0123456789abcdef.cbx.tmp-1-aaaaaa", false), (".0123456789abcdef.cbx.tmp-1-aaaaaa", false),
        ("0123456789abcdef.txt", false), ("", false),
    ])
    func recognisesFinishedIndexFileNames(name: String, expected: Bool) {
        #expect(CacheRetention.isIndexFileName(name) == expected)
    }

    /// Through the store: a cache hit marks its file used, and writing a new file then
    /// deletes the least recently used one beyond the limit.
    @Test func storeDeletesTheLeastRecentlyUsedCacheFileWhenItWritesANewOne() throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        var corpora: [String] = []
        for name in ["first", "second", "third"] {
            let corpus = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
            try "Kites rise on the \(name) hill. Clouds drift east.".write(
                to: corpus.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
            corpora.append(corpus.path)
        }
        let cache = root.appendingPathComponent("cache")
        let store = IndexStore(builder: IndexBuilder(analyzer: Fixtures.analyzer), producer: "tests",
                               retention: CacheRetention(maxFiles: 2, maxBytes: 1 << 30))
        let files = corpora.map { store.cachePath(paths: [$0], names: nil, directory: cache.path) }
        _ = try store.cached(paths: [corpora[0]], directory: cache.path)
        _ = try store.cached(paths: [corpora[1]], directory: cache.path)
        try Self.setAge(files[0], 20)
        try Self.setAge(files[1], 10)
        let hit = try store.cached(paths: [corpora[0]], directory: cache.path)
        #expect(hit.notices.isEmpty, "the first corpus should come from the cache: \(hit.notices)")
        _ = try store.cached(paths: [corpora[2]], directory: cache.path)
        #expect(try Self.names(in: cache) == [files[0], files[2]].map { URL(fileURLWithPath: $0).lastPathComponent }.sorted())
    }
}
