import Foundation
import LineEditing
import Testing

@Suite("HistoryFile")
struct HistoryFileTests {
    struct PathCase: Sendable, CustomTestStringConvertible {
        let name: String
        let environment: [String: String]
        let expected: String
        var testDescription: String { name }
    }

    static let pathCases: [PathCase] = [
        PathCase(
            name: "absolute XDG_STATE_HOME wins",
            environment: ["HOME": "/home/ada", "XDG_STATE_HOME": "/var/state"],
            expected: "/var/state/citebot/history"),
        PathCase(
            name: "trailing slash in XDG_STATE_HOME",
            environment: ["HOME": "/home/ada", "XDG_STATE_HOME": "/var/state/"],
            expected: "/var/state/citebot/history"),
        PathCase(
            name: "unset XDG_STATE_HOME falls back to HOME",
            environment: ["HOME": "/home/ada"],
            expected: "/home/ada/.local/state/citebot/history"),
        PathCase(
            name: "empty XDG_STATE_HOME is ignored",
            environment: ["HOME": "/home/ada", "XDG_STATE_HOME": ""],
            expected: "/home/ada/.local/state/citebot/history"),
        PathCase(
            name: "relative XDG_STATE_HOME is ignored",
            environment: ["HOME": "/home/ada", "XDG_STATE_HOME": "state"],
            expected: "/home/ada/.local/state/citebot/history"),
    ]

    @Test(arguments: pathCases)
    func followsXDGRules(_ testCase: PathCase) {
        let file = HistoryFile(environment: testCase.environment)
        #expect(file.path == testCase.expected)
        #expect(file.url.path == testCase.expected)
    }

    @Test func missingFileLoadsAsEmptyHistory() throws {
        try withTemporaryDirectory { directory throws in
            let file = HistoryFile(url: directory.appendingPathComponent("absent/history"))
            #expect(try file.load() == [])
        }
    }

    @Test func roundTripsEntriesThroughXDGStateHome() throws {
        try withTemporaryDirectory { directory throws in
            let file = HistoryFile(environment: ["HOME": "/nonexistent", "XDG_STATE_HOME": directory.path])
            let entries = ["what is a citation?", "café ☕︎", "  spaced  ", "again"]
            try file.save(entries)
            #expect(try file.load() == entries)
            #expect(file.path == directory.path + "/citebot/history")
        }
    }

    @Test func createsPrivateParentDirectoriesAndFile() throws {
        try withTemporaryDirectory { directory throws in
            let stateHome = directory.appendingPathComponent("deep/state")
            let file = HistoryFile(environment: ["HOME": "/nonexistent", "XDG_STATE_HOME": stateHome.path])
            try file.save(["one"])
            #expect(permissions(of: file.path) == 0o600)
            #expect(permissions(of: stateHome.appendingPathComponent("citebot").path) == 0o700)
            #expect(permissions(of: stateHome.path) == 0o700)
        }
    }

    @Test func replacesAnExistingFileWithMode0600() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history")
            try Data("old\n".utf8).write(to: url)
            _ = chmod(url.path, 0o644)
            let file = HistoryFile(url: url)
            try file.save(["new"])
            #expect(try file.load() == ["new"])
            #expect(permissions(of: url.path) == 0o600)
        }
    }

    @Test func saveLeavesNoTemporaryFileBehind() throws {
        try withTemporaryDirectory { directory throws in
            let file = HistoryFile(url: directory.appendingPathComponent("history"))
            try file.save(["one", "two"])
            try file.save(["three"])
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(names == ["history"])
        }
    }

    @Test func saveKeepsOnlyTheLastEntriesUpToTheLimit() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history")
            try HistoryFile(url: url, limit: 3).save(["1", "2", "3", "4", "5"])
            #expect(try String(contentsOf: url, encoding: .utf8) == "3\n4\n5\n")
        }
    }

    @Test func loadKeepsOnlyTheLastEntriesUpToTheLimit() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history")
            try Data("1\n2\n3\n4\n5\n".utf8).write(to: url)
            #expect(try HistoryFile(url: url, limit: 2).load() == ["4", "5"])
            #expect(try HistoryFile(url: url, limit: 0).load() == [])
        }
    }

    @Test func sanitisesNewlinesAndControlCharacters() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history")
            let file = HistoryFile(url: url)
            try file.save(["two\nlines", "crlf\r\nhere", "bell\u{7}tab\tnul\u{0}", "\n", "fine"])
            #expect(try file.load() == ["two lines", "crlf  here", "bell tab nul ", "fine"])
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 5)
        }
    }

    @Test func loadsCorruptFileWithoutThrowing() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history")
            try Data([0x66, 0xFF, 0x0A, 0x0A, 0x67, 0x0D, 0x0A, 0xE2, 0x82]).write(to: url)
            #expect(try HistoryFile(url: url).load() == ["f\u{FFFD}", "g", "\u{FFFD}"])
        }
    }

    @Test func throwsNamingTheDirectoryWhenItCannotBeCreated() throws {
        try withTemporaryDirectory { directory throws in
            // A regular file where a directory is needed fails even for root, unlike chmod.
            let blocker = directory.appendingPathComponent("blocker")
            try Data("x".utf8).write(to: blocker)
            let file = HistoryFile(environment: ["HOME": "/nonexistent", "XDG_STATE_HOME": blocker.path])
            let error = try #require(throws: HistoryError.self) { try file.save(["one"]) }
            #expect(error.description.contains(blocker.path + "/citebot"))
            #expect(error.description.contains("not a directory"))
            guard case .cannotCreateDirectory = error else {
                Issue.record("expected cannotCreateDirectory, got \(error)")
                return
            }
        }
    }

    @Test func throwsNamingTheFileWhenItCannotBeReplaced() throws {
        try withTemporaryDirectory { directory throws in
            // A directory sitting at the history path cannot be renamed over.
            let url = directory.appendingPathComponent("history")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            let file = HistoryFile(url: url)
            let error = try #require(throws: HistoryError.self) { try file.save(["one"]) }
            #expect(error.description.contains(url.path))
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(names == ["history"])
        }
    }

    @Test func throwsNamingTheFileWhenItCannotBeRead() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            let error = try #require(throws: HistoryError.self) { try HistoryFile(url: url).load() }
            #expect(error == .cannotRead(file: url.path, reason: String(cString: strerror(EISDIR))))
            #expect(error.description.contains(url.path))
        }
    }

    @Test func unwritableDirectoryThrowsNamingThePath() throws {
        // Root ignores permission bits, so this case only runs for other users.
        guard geteuid() != 0 else { return }
        try withTemporaryDirectory { directory throws in
            let locked = directory.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
            _ = chmod(locked.path, 0o500)
            defer { _ = chmod(locked.path, 0o700) }
            let file = HistoryFile(url: locked.appendingPathComponent("history"))
            let error = try #require(throws: HistoryError.self) { try file.save(["one"]) }
            #expect(error.description.contains(file.path))
        }
    }
}
