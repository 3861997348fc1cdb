import Foundation
import Testing
@testable import CiteBotKit

/// Pins the splitter on the bundled article's traps (curly quotes after full stops,
/// repeated titles, "Recommended Posts", list fragments in lower case) with a golden
/// dump of every sentence: paragraph.sentence, role, UTF-8 range and text.
/// Re-record on purpose with `RECORD_GOLDEN=1 swift test --filter BundledArticle`.
@Suite struct BundledArticleSegmentationTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden/botox-vs-fillers.segmentation.txt")

    @Test func matchesTheGoldenDump() throws {
        let article = try Fixtures.bundledArticle
        let segmentation = SentenceSplitter().split(article.text)
        let dump = segmentation.sentences.map { sentence in
            "¶\(sentence.paragraph).\(sentence.number) \(sentence.role.rawValue) "
                + "\(sentence.range.lowerBound)..<\(sentence.range.upperBound) "
                + CorpusIndex.slice(article.text, sentence.range)
        }.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try dump.write(to: Self.golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(dump == expected, "segmentation changed; re-record with RECORD_GOLDEN=1 if intended")
    }

    @Test func titlesAndTrailerAreNeverCitable() throws {
        let article = try Fixtures.bundledArticle
        let sentences = SentenceSplitter().split(article.text).sentences
        let citable = sentences.filter(\.isCitable).map { CorpusIndex.slice(article.text, $0.range) }
        #expect(!citable.contains { $0.hasPrefix("What is the Difference") })
        #expect(!citable.contains("Recommended Posts"))
        #expect(citable.contains("These are known as dynamic wrinkles, and are frequently called “expression lines.”"))
    }
}
