import Foundation
import Testing

@testable import CiteBotKit

@Suite("JSONL test sets")
struct JSONLQuestionReaderTests {
    func read(_ text: String, file: String = "t.jsonl") throws -> [EvalQuestion] {
        var reader = JSONLQuestionReader(data: Data(text.utf8), file: file)
        return try reader.collectQuestions()
    }

    func error(_ text: String) -> TestSetError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error as? TestSetError
        }
    }

    @Test func readsTheFixtureSkippingBlankLines() throws {
        var reader = try JSONLQuestionReader(contentsOf: evaluationFixture("questions.jsonl"), displayName: "q.jsonl")
        let questions = try reader.collectQuestions()
        #expect(questions.map(\.id) == ["dur1", "line 3", "none1", "ans1"])
        #expect(questions[0].evidence == ["Botox results last 3 to 4 months."])
        #expect(questions[0].answers == ["3 to 4 months"])
        #expect(questions[1].question == "What is dermal filler made of?")
        #expect(questions[2].unanswerable)
        #expect(questions[3].evidence.isEmpty)
        #expect(questions[3].answers == ["muscles"])
    }

    @Test func badJSONOnLineThreeNamesLineThree() throws {
        let url = try evaluationFixture("bad-json-line3.jsonl")
        let reader = try JSONLQuestionReader(contentsOf: url, displayName: "bad-json-line3.jsonl")
        #expect(try reader.nextQuestion()?.id == "a")
        #expect(try reader.nextQuestion()?.id == "b")
        do {
            _ = try reader.nextQuestion()
            Issue.record("line 3 was accepted")
        } catch {
            guard case .invalidJSON(let file, let line, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(file == "bad-json-line3.jsonl")
            #expect(line == 3)
            #expect(error.description.hasPrefix("bad-json-line3.jsonl:3: invalid JSON"))
        }
    }

    @Test func missingQuestionIsReported() throws {
        var reader = try JSONLQuestionReader(contentsOf: evaluationFixture("missing-question.jsonl"), displayName: "m.jsonl")
        #expect(throws: TestSetError.invalidQuestion(file: "m.jsonl", line: 3, problem: "missing \"question\"; add \"question\": \"…\"")) {
            try reader.collectQuestions()
        }
    }

    static let malformedLines: [(line: String, message: String)] = [
        ("not json", "t.jsonl:1: invalid JSON"),
        ("[1, 2]", "t.jsonl:1: invalid JSON (the line is JSON but not an object)"),
        (#"{"question": 5, "evidence": ["x"]}"#, #"t.jsonl:1: "question" must be a string."#),
        (#"{"question": "q", "evidence": "x"}"#, #"t.jsonl:1: "evidence" must be an array of strings."#),
        (#"{"question": "q", "evidence": ["x", 3]}"#, #"t.jsonl:1: "evidence"[1] must be a string."#),
        (#"{"question": "q", "unanswerable": "yes"}"#, #"t.jsonl:1: "unanswerable" must be true or false."#),
        (#"{"id": 7, "question": "q", "evidence": ["x"]}"#, #"t.jsonl:1: "id" must be a string."#),
        (#"{"id": "", "question": "q", "evidence": ["x"]}"#, #"t.jsonl:1: "id" is empty"#),
        (#"{"question": "  ", "evidence": ["x"]}"#, #"t.jsonl:1: "question" is empty."#),
        (#"{"question": "q", "evidence": [""]}"#, #"t.jsonl:1: "evidence"[0] is empty"#),
        (#"{"question": "q", "answers": ["a", " "]}"#, #"t.jsonl:1: "answers"[1] is empty"#),
        (#"{"question": "q"}"#, #"t.jsonl:1: the question has neither "evidence" nor "answers""#),
        (#"{"question": "q", "evidence": []}"#, #"t.jsonl:1: the question has neither "evidence" nor "answers""#),
        (#"{"question": "q", "evidence": ["x"], "unanswerable": true}"#, "must not list"),
    ]

    @Test(arguments: malformedLines)
    func malformedLineGivesAPreciseError(line: String, message: String) {
        let description = error(line)?.description ?? "accepted"
        #expect(description.contains(message), "got: \(description)")
    }

    @Test func duplicateIDsAreRejectedWithBothLines() {
        let text = """
            {"id": "x", "question": "q1", "evidence": ["a"]}
            {"question": "q2", "evidence": ["b"]}
            {"id": "x", "question": "q3", "evidence": ["c"]}
            """
        #expect(error(text) == .duplicateID(file: "t.jsonl", line: 3, id: "x", firstLine: 1))
    }

    @Test func nullFieldsCountAsAbsent() throws {
        let questions = try read(#"{"id": null, "question": "q", "evidence": null, "answers": ["a"]}"#)
        #expect(questions.first?.id == "line 1")
        #expect(questions.first?.answers == ["a"])
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let text = "\u{FEFF}{\"question\": \"q1\", \"evidence\": [\"a\"]}\r\n\r\n{\"question\": \"q2\", \"unanswerable\": true}\r\n"
        let questions = try read(text)
        #expect(questions.map(\.id) == ["line 1", "line 3"])
    }

    @Test func streamsAFileLongerThanOneChunk() throws {
        // 3,000 lines of ~100 bytes span several 64 KiB chunks; the bad last line
        // must still be reported with its own line number.
        var text = ""
        for index in 1...3_000 {
            let padding = String(repeating: "x", count: index % 97)
            text += "{\"id\": \"q\(index)\", \"question\": \"Question \(index) \(padding)?\", \"evidence\": [\"e\(index)\"]}\n"
        }
        text += "{\"id\": \"broken\"\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citebot-eval-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        let reader = try JSONLQuestionReader(contentsOf: url, displayName: "long.jsonl")
        var count = 0
        var last = ""
        do {
            while let question = try reader.nextQuestion() {
                count += 1
                last = question.question
            }
            Issue.record("the broken last line was accepted")
        } catch {
            guard case .invalidJSON(_, let line, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(line == 3_001)
        }
        #expect(count == 3_000)
        #expect(last == "Question 3000 \(String(repeating: "x", count: 3_000 % 97))?")
    }

    @Test func syntaxErrorsNameTheColumn() {
        // 0-based byte 33 is the '"' that should have been a comma: column 34.
        let line = #"{"id": "c", "question": "Third?" "evidence": ["Three."]}"#
        #expect(error(line) == .invalidJSON(file: "t.jsonl", line: 1, detail: "invalid value at column 34"))
    }

    @Test func directoryIsUnreadable() {
        let url = FileManager.default.temporaryDirectory
        #expect(throws: TestSetError.unreadable(file: "dir", reason: "it is a directory, not a test-set file")) {
            _ = try JSONLQuestionReader(contentsOf: url, displayName: "dir")
        }
    }

    @Test func missingFileIsUnreadable() {
        let url = URL(fileURLWithPath: "/nonexistent/citebot/questions.jsonl")
        #expect {
            _ = try JSONLQuestionReader(contentsOf: url)
        } throws: { error in
            error as? TestSetError == .unreadable(file: "/nonexistent/citebot/questions.jsonl", reason: "no such file")
        }
    }
}

@Suite("Test-set formats")
struct TestSetFormatTests {
    @Test(arguments: [
        ("TestSets/botox.jsonl", TestSetFormat.jsonLines), ("dev-v2.0.JSON", .squad), ("a.b/train.json", .squad),
    ])
    func formatFollowsTheExtension(path: String, format: TestSetFormat) throws {
        #expect(try TestSetFormat(path: path) == format)
    }

    @Test func otherExtensionsAreRejected() {
        #expect(throws: TestSetError.unknownFormat(file: "questions.csv")) { try TestSetFormat(path: "questions.csv") }
    }
}
