import Foundation
import Testing
@testable import CiteBotKit

/// The walk lists every text file once, however many ways it is reached: through a link to
/// it, a link to its folder, or a path given twice.
@Suite struct CorpusWalkTests {
    /// A folder holding `a.txt`, `sub/b.md`, `notes.pdf` and `.hidden.txt`, plus the links
    /// `alias.txt` → `a.txt`, `mirror` → `sub` and `gone.txt` → nothing.
    func folder() throws -> URL {
        let manager = FileManager.default
        let url = manager.temporaryDirectory.appendingPathComponent("citebot-walk-\(UUID().uuidString)")
        try manager.createDirectory(at: url.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for (name, text) in ["a.txt": "Apples.", "sub/b.md": "Bananas.", "notes.pdf": "x", ".hidden.txt": "Hidden."] {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try manager.createSymbolicLink(atPath: url.appendingPathComponent("alias.txt").path, withDestinationPath: "a.txt")
        try manager.createSymbolicLink(atPath: url.appendingPathComponent("mirror").path, withDestinationPath: "sub")
        try manager.createSymbolicLink(atPath: url.appendingPathComponent("gone.txt").path, withDestinationPath: "nowhere.txt")
        return url
    }

    @Test func eachFileIsListedOnceUnderItsFirstNameInSortedOrder() throws {
        let url = try folder()
        defer { try? FileManager.default.removeItem(at: url) }
        let listed = try CorpusLoader().files(for: [url.path], names: ["corpus"])
        // In sorted order "a.txt" comes before its alias "alias.txt", and "mirror/b.md" before
        // "sub/b.md": the first name of each file is kept. The PDF, the hidden file and the
        // dangling link are not listed.
        #expect(listed.map(\.source) == ["corpus/a.txt", "corpus/mirror/b.md"])
    }

    @Test func aFileGivenAgainByItsOwnPathIsNotListedTwice() throws {
        let url = try folder()
        defer { try? FileManager.default.removeItem(at: url) }
        let listed = try CorpusLoader().files(for: [url.path, url.appendingPathComponent("alias.txt").path])
        #expect(listed.count == 2)
        #expect(!listed.contains { $0.source.hasSuffix("alias.txt") })
    }
}
