import Foundation
import Testing
@testable import CiteBotKit

/// A file listed in a corpus folder may be gone, or changed, by the time it is read.
@Suite struct VanishingFileTests {
    func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citebot-vanish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    @Test func aFileGoneAfterListingFailsToReadWithItsReason() throws {
        let url = try folder(["a.txt": "Apples are red.", "b.txt": "Bananas are yellow."])
        defer { try? FileManager.default.removeItem(at: url) }
        let loader = CorpusLoader()
        let listed = try loader.files(for: [url.path])
        #expect(listed.count == 2)
        try FileManager.default.removeItem(at: url.appendingPathComponent("b.txt"))
        let readings = listed.map { loader.read($0.url) }
        #expect(readings[0] == .text("Apples are red.", repaired: false))
        guard case .failed(let reason) = readings[1] else {
            Issue.record("reading a vanished file gave \(readings[1])")
            return
        }
        #expect(reason.contains("no such file"), "\(reason)")
    }

    @Test func aFileChangedAfterListingIsReadAsItIsNow() throws {
        let url = try folder(["a.txt": "Old text here."])
        defer { try? FileManager.default.removeItem(at: url) }
        let loader = CorpusLoader()
        let listed = try loader.files(for: [url.path])
        try "New text, longer than before.".write(to: url.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        #expect(loader.read(listed[0].url) == .text("New text, longer than before.", repaired: false))
    }
}
