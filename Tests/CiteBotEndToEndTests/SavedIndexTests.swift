import Foundation
import Testing

/// `citebot index` and `--index FILE` through the built binary: a saved index answers as
/// the corpus does, and a damaged one, saved or cached, is named and never used.
@Suite struct SavedIndexTests {
    static let files = [
        "kettles.txt": "Kettle care\n\nAn electric kettle boils water in about three minutes.\n\nDescaling keeps a kettle efficient.\n",
    ]
    static let question = "How long does an electric kettle take to boil water?"

    /// A fresh directory with the corpus in `corpus/`, and its cache and home beside it.
    func workspace() throws -> (root: URL, corpus: URL, environment: [String: String]) {
        let root = try Binary.temporaryDirectory()
        let corpus = try Binary.folder("corpus", in: root, files: Self.files)
        let environment = ["XDG_CACHE_HOME": root.appendingPathComponent("cache").path, "HOME": root.path]
        return (root, corpus, environment)
    }

    /// Saves an index of the workspace's corpus (its heading counts as a sentence) to
    /// `index.cbx` and returns its path.
    func saveIndex(_ space: (root: URL, corpus: URL, environment: [String: String])) throws -> String {
        let path = space.root.appendingPathComponent("index.cbx").path
        let result = try Binary.run(["index", "--corpus", space.corpus.path, "--output", path], environment: space.environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("indexed 1 document, 3 sentences "))
        #expect(result.stdout.hasSuffix(": \(path)\n"))
        return path
    }

    @Test func aSavedIndexAnswersAsTheCorpusDoes() throws {
        let space = try workspace()
        let path = try saveIndex(space)
        let fromIndex = try Binary.run(["ask", "--index", path, "--format", "json", Self.question], environment: space.environment)
        let fromCorpus = try Binary.run(["ask", "--corpus", space.corpus.path, "--no-cache", "--format", "json", Self.question],
                                        environment: space.environment)
        #expect(fromIndex.status == 0 && fromCorpus.status == 0)
        #expect(fromIndex.stdout.contains("about three minutes"))
        // Sources are named relative to the corpus root either way.
        #expect(fromIndex.stdout == fromCorpus.stdout)
    }

    /// A byte changed, the file cut short, or another kind of file: each is refused with
    /// what is wrong, which file, and how to fix it, and exit status 66.
    @Test(arguments: ["damaged", "truncated", "foreign"])
    func aBrokenSavedIndexIsNamedAndRefused(_ breakage: String) throws {
        let space = try workspace()
        let path = try saveIndex(space)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let expected: String
        switch breakage {
        case "damaged":
            bytes[bytes.count / 2] ^= 0xFF
            expected = "damaged"
        case "truncated":
            bytes = bytes.prefix(bytes.count / 2)
            expected = "is truncated"
        default:
            bytes = Data("kettle notes, not an index\n".utf8)
            expected = "is not a citebot index"
        }
        try bytes.write(to: URL(fileURLWithPath: path))
        let result = try Binary.run(["ask", "--index", path, Self.question], environment: space.environment)
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("citebot: error: "))
        #expect(result.stderr.contains(path))
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("citebot index"))
    }

    /// The automatic cache: a damaged cache file is rebuilt with a one-line notice, the
    /// answer is the same, and the next run reads the rebuilt file silently.
    @Test func aDamagedCacheIsRebuiltWithANotice() throws {
        let space = try workspace()
        let ask = ["ask", "--corpus", space.corpus.path, Self.question]
        let first = try Binary.run(ask, environment: space.environment)
        #expect(first.status == 0 && first.stderr.isEmpty)
        let cache = space.root.appendingPathComponent("cache/citebot")
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".cbx") }
        let name = try #require(names.first)
        #expect(names.count == 1)
        let file = cache.appendingPathComponent(name)
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: file)

        let second = try Binary.run(ask, environment: space.environment)
        #expect(second.status == 0)
        #expect(second.stdout == first.stdout)
        let notices = second.stderr.split(separator: "\n")
        #expect(notices.count == 1)
        #expect(notices.first?.contains("rebuilding") == true, "stderr: \(second.stderr)")

        let third = try Binary.run(ask, environment: space.environment)
        #expect(third.stdout == first.stdout)
        #expect(third.stderr.isEmpty)
    }
}
