import Foundation
import Testing
@testable import CiteBotKit

/// A test-set line longer than the reader's 64 KiB chunk used to be searched for its end
/// from its start again after every chunk: quadratic, 82 s for one 20 MB line. The search
/// now resumes where it stopped; these cases pin that lines still come out whole.
@Suite struct JSONLLongLineTests {
    static func read(_ text: String) throws -> [EvalQuestion] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citebot-long-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(text.utf8).write(to: url)
        var reader = try JSONLQuestionReader(contentsOf: url)
        return try reader.collectQuestions()
    }

    @Test func linesLongerThanAChunkComeOutWhole() throws {
        let long = String(repeating: "botox ", count: 500_000)  // 3 MB: dozens of chunks
        let text = "{\"question\":\"short one\",\"unanswerable\":true}\n"
            + "{\"question\":\"\(long)\",\"unanswerable\":true}\n"
            + "{\"question\":\"after\",\"answers\":[\"x\"]}"
        let questions = try Self.read(text)
        #expect(questions.map(\.question.count) == [9, long.count, 5])
        #expect(questions.map(\.id) == ["line 1", "line 2", "line 3"])
    }

    @Test func crlfAcrossAChunkBoundaryIsOneLineEnd() throws {
        let chunk = 1 << 16
        let prefix = "{\"question\":\"", suffix = "\",\"unanswerable\":true}"
        // The first line's "\r" is the chunk's last byte and its "\n" the next chunk's first.
        let filler = String(repeating: "a", count: chunk - 1 - prefix.utf8.count - suffix.utf8.count)
        let text = prefix + filler + suffix + "\r\n" + "{\"question\":\"next\",\"answers\":[\"y\"]}\r\n"
        let questions = try Self.read(text)
        #expect(questions.map(\.question) == [filler, "next"])
    }
}
