import Foundation
import Testing

/// Hostile input through the built binary: mixed garbage on standard input, and corpora
/// built to trip a loader. Heavy variants (100,000 lines, a 50 MB line) run only with
/// `CITEBOT_STRESS=1`, which `.ci/run` sets once; the default sizes keep `swift test` quick.
@Suite struct RobustnessTests {
    static let stress = ProcessInfo.processInfo.environment["CITEBOT_STRESS"] == "1"

    // MARK: - Questions

    /// Line kinds cycled through by ``mixedLines(count:)``, blank ones among them.
    static let lineKinds: [@Sendable (Int) -> [UInt8]] = [
        { Array("How long does Botox last? \($0)".utf8) },
        { _ in [] },
        { _ in Array("   \t ".utf8) },
        { Array("what\u{1}\u{7}\u{8} is botox\u{7F} \($0)".utf8) },
        { Array("\u{1B}[31mred\u{1B}[0m fillers \u{1B}]0;title\u{7} \u{1B}[2J\($0)".utf8) },
        { [0xFF, 0xFE, 0x20] + Array("botox ".utf8) + [0xC3] + Array("\($0)".utf8) + [0xED, 0xA0, 0x80] },
        { Array("bo\0tox\0 last? \($0)".utf8) },
        { Array("😀👍🏽 botox? 🇫🇷 \($0)".utf8) },
        { Array("ボトックスの効果はどのくらい続きますか？ 肉毒杆菌 \($0)".utf8) },
        { _ in Array("is it the of and a?".utf8) },
        { _ in Array("?!?...,;:!! ---".utf8) },
        { _ in Array("what do dermal fillers contain\r".utf8) },
        { _ in Array("\u{3000}\u{A0}\r".utf8) },
    ]

    /// `count` lines of every kind in turn, one of them a 1 MB question, and how many are not blank.
    static func mixedLines(count: Int) -> (input: Data, questions: [String]) {
        var input = Data()
        var questions: [String] = []
        for i in 0..<count {
            let line = i == count / 2 ? Array(String(repeating: "botox filler ", count: 80_000).utf8)
                : lineKinds[i % lineKinds.count](i)
            input.append(contentsOf: line)
            input.append(0x0A)
            var text = String(decoding: line, as: UTF8.self)
            if text.hasSuffix("\r") { text.removeLast() }
            if text.contains(where: { !$0.isWhitespace }) { questions.append(text) }
        }
        return (input, questions)
    }

    @Test func batchGivesOneValidRecordPerNonBlankLineInOrder() throws {
        let (input, questions) = Self.mixedLines(count: Self.stress ? 100_000 : 2_000)
        let result = try Binary.run(["batch", "--format", "jsonl", "-q", "--no-cache"], inputData: input)
        #expect(result.status == 0 && !result.signalled, "\(result.stderr.suffix(500))")
        let records = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(records.count == questions.count)
        for (number, (record, question)) in zip(records, questions).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any] else {
                Issue.record("record \(number + 1) is not a JSON object: \(record.prefix(200))")
                return
            }
            guard object["question"] as? String == question else {
                Issue.record("record \(number + 1) answers \(String(describing: object["question"]).prefix(80)), not \(question.prefix(80))")
                return
            }
            #expect(object["abstained"] is Bool && object["answer"] is String && object["citations"] is [Any])
        }
    }

    @Test func textOutputNeverEchoesRawControlCharacters() throws {
        let (input, questions) = Self.mixedLines(count: 200)
        let result = try Binary.run(["batch", "-q", "--no-cache"], inputData: input)
        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty && questions.count > 0)
        let raw = result.stdout.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
        }
        #expect(raw.isEmpty, "raw control characters in text output: \(Set(raw.map(\.value)).sorted())")
    }

    // MARK: - Corpora

    /// A corpus of every kind of trouble around one good file; returns the directory.
    static func hostileCorpus() throws -> URL {
        let root = try Binary.temporaryDirectory()
        let manager = FileManager.default
        func write(_ name: String, _ data: Data) throws {
            let url = root.appendingPathComponent(name)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try write("good.txt", Data("Botox results last 3 to 4 months.\n".utf8))
        try write("empty.txt", Data())
        try write("nul.txt", Data("Fillers\0contain\0acid. \0\0 NUL.\n".utf8))
        try write("image.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]))
        try write("long-word.txt", Data((String(repeating: "a", count: 1_000_000) + " ends here. "
            + String(repeating: "ж", count: 200_000)).utf8))
        let lineBytes = Self.stress ? 50_000_000 : 2_000_000
        var line = Data(capacity: lineBytes + 1)
        let words = Array("zygoma filler muscle acid ".utf8)
        while line.count < lineBytes { line.append(contentsOf: words) }
        line.append(0x0A)
        try write("one-line.txt", line)
        try write("dots.md", Data(("Dots run on " + String(repeating: ".", count: 2_000_000) + " and on!?!?"
            + String(repeating: "?!", count: 500_000) + "\n").utf8))
        var deep = "deep"
        for level in 1...120 { deep += "/d\(level)" }
        try write(deep + "/deep.txt", Data("The deepest file mentions the temporal fossa.\n".utf8))
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("deep/loop").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("deep/d1/self").path, withDestinationPath: ".")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("dangling.txt").path, withDestinationPath: "nowhere.txt")
        // A directory where a file is expected.
        try manager.createDirectory(at: root.appendingPathComponent("folder.txt"), withIntermediateDirectories: true)
        return root
    }

    @Test func hostileCorpusIsIndexedAroundItsTraps() throws {
        let corpus = try Self.hostileCorpus()
        defer { try? FileManager.default.removeItem(at: corpus) }
        let questions = "How long do Botox results last?\nwhat does the deepest file mention\nzygoma acid\n"
        let result = try Binary.run(["batch", "--format", "jsonl", "--no-cache", "--corpus", corpus.path], input: questions)
        #expect(result.status == 0 && !result.signalled, "\(result.stderr.suffix(500))")
        let records = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        try #require(records.count == 3)
        let first = try #require((records[0]["citations"] as? [[String: Any]])?.first)
        #expect(first["text"] as? String == "Botox results last 3 to 4 months.")
        let second = try #require((records[1]["citations"] as? [[String: Any]])?.first)
        #expect((second["source"] as? String)?.hasSuffix("d120/deep.txt") == true)
        #expect(result.stderr.contains("image.txt"), "the binary file is not named: \(result.stderr)")
    }

    @Test func directoryInPlaceOfAFileDoesNotStopTheOthers() throws {
        let corpus = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: corpus) }
        let good = corpus.appendingPathComponent("good.txt")
        try Data("Botox results last 3 to 4 months.\n".utf8).write(to: good)
        let folder = corpus.appendingPathComponent("notes.txt")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try Binary.run(["ask", "--no-cache", "--corpus", good.path, "--corpus", folder.path, "How long does Botox last?"])
        // A directory is walked whatever its name; this one holds nothing, and the file still answers.
        #expect(result.status == 0 && !result.signalled, "\(result.stderr)")
        #expect(result.stdout.contains("3 to 4 months"))
    }

    @Test(.enabled(if: Binary.permissionsApply, "root, and the binary is out of other users' reach"))
    func unreadableFileIsSkippedAndNamed() throws {
        let corpus = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: corpus) }
        try Data("Botox results last 3 to 4 months.\n".utf8).write(to: corpus.appendingPathComponent("good.txt"))
        let secret = corpus.appendingPathComponent("secret.txt")
        try Data("Hidden words.\n".utf8).write(to: secret)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: secret.path)
        // As root, citebot runs unprivileged so that the permission applies to it.
        let result = try Binary.run(["ask", "--no-cache", "--corpus", corpus.path, "How long does Botox last?"],
                                    unprivileged: true)
        #expect(result.status == 0)
        #expect(result.stdout.contains("3 to 4 months"))
        #expect(result.stderr.contains("secret.txt: skipped: permission denied"))
    }

    @Test func corpusOfOnlyEmptyAndBinaryFilesExits66() throws {
        let corpus = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: corpus) }
        try Data().write(to: corpus.appendingPathComponent("empty.txt"))
        try Data([0, 1, 2, 0, 0xFF]).write(to: corpus.appendingPathComponent("binary.md"))
        try Data("... !!! ???\n".utf8).write(to: corpus.appendingPathComponent("punctuation.txt"))
        let result = try Binary.run(["ask", "--no-cache", "--corpus", corpus.path, "anything?"])
        #expect(result.status == 66)
        #expect(!result.stderr.isEmpty && !result.signalled)
    }

    /// A 5 MB run of full stops (and one of "?!") must index; the time is measured
    /// outside the tests (no timed assertions), but a quadratic splitter would not finish.
    @Test func longPunctuationRunsIndex() throws {
        let corpus = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: corpus) }
        let text = "Botox results last 3 to 4 months. " + String(repeating: ".", count: 5_000_000)
            + " Fillers last longer" + String(repeating: "?!", count: 1_000_000) + "\n"
            + String(repeating: "- ", count: 500_000) + "\n\n" + String(repeating: "\n", count: 1_000_000) + "End.\n"
        try Data(text.utf8).write(to: corpus.appendingPathComponent("dots.txt"))
        let result = try Binary.run(["ask", "--no-cache", "--corpus", corpus.path, "How long does Botox last?"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("3 to 4 months"))
    }
}
