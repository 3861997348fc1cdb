import Foundation
import Testing

/// The built binary driven through pipes, as scripts use it.
@Suite struct PipeTests {
    @Test func askPrintsAShortAnswerWithCitation() throws {
        let result = try Binary.run(["ask", "How long does Botox last?"])
        #expect(result.status == 0)
        try expectGolden(result.stdout, "ask-how-long.txt")
        #expect(result.stderr.isEmpty)
    }

    @Test func batchTextEchoesQuestionsInOrder() throws {
        let input = "How long does Botox last?\n\n   \nWhat is the capital of France?\nwhat do dermal fillers contain\n"
        let result = try Binary.run(["batch"], input: input)
        #expect(result.status == 0)
        try expectGolden(result.stdout, "batch-text.txt")
    }

    @Test func batchJSONLGivesOneRecordPerNonBlankLineInOrder() throws {
        let questions = (1...40).map { "question \($0) about botox results?" }
        let input = questions.flatMap { [$0, "", " \t"] }.joined(separator: "\n")  // no final newline
        let result = try Binary.run(["batch", "--format", "jsonl"], input: input)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == questions.count)
        for (line, question) in zip(lines, questions) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["question"] as? String == question)
            #expect(object["abstained"] is Bool)
            #expect(object["answer"] is String)
            #expect(object["citations"] is [Any])
        }
    }

    /// Questions that arrive together are answered on several threads; the records must
    /// still come out one per question, in order, equal to answering one at a time.
    @Test func batchAnswersOnSeveralThreadsAsItWouldOnOne() throws {
        let asked = ["How long does Botox last?", "What do dermal fillers contain?", "Who won the World Cup?",
                     "why do wrinkles form", "What is the difference between Botox and fillers?"]
        // More than one batch's worth, with blank lines between, and no final newline.
        let questions = (0..<150).map { "\(asked[$0 % asked.count]) \($0)" }
        let input = questions.flatMap { [$0, ""] }.joined(separator: "\n")
        let one = try Binary.run(["batch", "--format", "jsonl", "--jobs", "1"], input: input)
        let several = try Binary.run(["batch", "--format", "jsonl", "--jobs", "3"], input: input)
        #expect(one.status == 0 && several.status == 0)
        #expect(several.stdout == one.stdout)
        let records = several.stdout.split(separator: "\n")
        #expect(records.count == questions.count)
        for (record, question) in zip(records, questions) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any])
            #expect(object["question"] as? String == question)
        }
    }

    @Test(arguments: [["batch"], []])
    func batchRefusesZeroJobs(_ command: [String]) throws {
        let result = try Binary.run(command + ["--jobs", "0"], input: "How long does Botox last?\n")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--jobs"))
        #expect(result.stdout.isEmpty)
    }

    @Test func theDefaultCommandTakesJobsOnAPipe() throws {
        let input = "How long does Botox last?\nWhat do dermal fillers contain?\n"
        let one = try Binary.run(["--jobs", "1", "--format", "jsonl"], input: input)
        #expect(one.status == 0)
        #expect(one.stdout == (try Binary.run(["batch", "--format", "jsonl"], input: input)).stdout)
        #expect(one.stdout.split(separator: "\n").count == 2)
    }

    @Test func defaultCommandOnAPipeIsBatch() throws {
        let result = try Binary.run(["--format", "jsonl"], input: "How long does Botox last?\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let citations = try #require(object["citations"] as? [[String: Any]])
        #expect(citations.first?["source"] as? String == "corpus/botox-vs-fillers.txt")
        #expect(citations.first?["paragraph"] as? Int == 8)
        #expect(citations.first?["sentence"] as? Int == 1)
        #expect(citations.first?["text"] as? String == "Botox results last 3 to 4 months.")
        #expect(citations.first?["score"] is Double)
    }

    @Test func batchJSONIsOneValidDocument() throws {
        let result = try Binary.run(["batch", "--format", "json"], input: "How long does Botox last?\nWho won the World Cup?\n")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[1]["abstained"] as? Bool == true)
        let empty = try Binary.run(["batch", "--format", "json"], input: "\n\n")
        #expect(try JSONSerialization.jsonObject(with: Data(empty.stdout.utf8)) as? [Any] != nil)
    }

    @Test func askJSONIsOneObject() throws {
        let result = try Binary.run(["ask", "--format", "json", "--top-k", "2", "What", "do", "dermal", "fillers", "contain?"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["question"] as? String == "What do dermal fillers contain?")
        #expect((object["citations"] as? [Any])?.count == 2)
    }

    @Test func jsonStaysValidForHostileQuestions() throws {
        let hostile = "nul\u{0}byte \u{1B}[31mred\u{1B}[0m \"quotes\" back\\slash 😀 日本語 \u{7F}"
        var bytes = Data(hostile.utf8)
        bytes.append(contentsOf: [0x0A, 0xFF, 0xFE, 0x41, 0x0A])  // an invalid UTF-8 line
        let result = try Binary.run(["batch", "--format", "jsonl"], inputData: bytes)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func textOutputNeverEchoesControlCharacters() throws {
        let result = try Binary.run(["batch"], input: "\u{1B}]0;pwned\u{07} botox\n")
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.contains("\\u{1B}"))
    }

    @Test func recordsStreamBeforeInputEnds() throws {
        // citebot as a coprocess: each answer must arrive before the next question is written.
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["batch", "--format", "jsonl"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        defer { process.terminate() }
        let reader = stdout.fileHandleForReading
        for question in ["How long does Botox last?", "What do fillers contain?"] {
            stdin.fileHandleForWriting.write(Data((question + "\n").utf8))
            var received = Data()
            while !received.contains(0x0A) {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                received.append(chunk)
            }
            let line = String(decoding: received, as: UTF8.self)
            #expect(line.contains(question), "no record for \(question) before more input was written")
        }
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func closedStdoutEndsQuietly() throws {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        let questions = String(repeating: "How long does Botox last?\n", count: 2000)
        let file = try Binary.temporaryDirectory().appendingPathComponent("q.txt")
        try questions.write(to: file, atomically: true, encoding: .utf8)
        shell.arguments = ["-c", "'\(Binary.url.path)' batch --format jsonl < '\(file.path)' | head -1 >/dev/null; echo ${PIPESTATUS:-done}"]
        let errors = Pipe()
        shell.standardError = errors
        shell.standardOutput = Pipe()
        try shell.run()
        shell.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.isEmpty, "citebot wrote to stderr on a closed pipe: \(stderr)")
    }

    @Test func findsTheBundledCorpusFromAnotherDirectory() throws {
        let elsewhere = try Binary.temporaryDirectory()
        let result = try Binary.run(["ask", "How long does Botox last?"], directory: elsewhere)
        #expect(result.status == 0)
        #expect(result.stdout.contains("corpus/botox-vs-fillers.txt ¶8.1"))
    }

    @Test func corpusOptionAndEnvironmentOverrideTheBundledCorpus() throws {
        let directory = try Binary.temporaryDirectory()
        try "Kettles boil water in three minutes.".write(
            to: directory.appendingPathComponent("kettle.md"), atomically: true, encoding: .utf8)
        let viaOption = try Binary.run(["ask", "--corpus", directory.path, "How long do kettles boil water?"])
        #expect(viaOption.stdout.contains("kettle.md ¶1.1"))
        let viaEnvironment = try Binary.run(["ask", "how long to boil water in a kettle"],
                                            environment: ["CITEBOT_CORPUS": directory.path])
        #expect(viaEnvironment.stdout.contains("kettle.md ¶1.1"))
    }
}

/// Exit statuses and messages for mistakes.
@Suite struct ErrorExitTests {
    @Test func missingCorpusPathExits66() throws {
        let result = try Binary.run(["ask", "--corpus", "/no/such/place", "hello?"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("'/no/such/place' does not exist"))
        #expect(result.stdout.isEmpty)
    }

    @Test func corpusWithoutTextExits66() throws {
        let directory = try Binary.temporaryDirectory()
        try "".write(to: directory.appendingPathComponent("empty.txt"), atomically: true, encoding: .utf8)
        try "...\n".write(to: directory.appendingPathComponent("dots.md"), atomically: true, encoding: .utf8)
        let result = try Binary.run(["ask", "--corpus", directory.path, "hello?"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no indexable text"))
    }

    @Test func folderWithoutTextFilesExits66() throws {
        let directory = try Binary.temporaryDirectory()
        try "x".write(to: directory.appendingPathComponent("image.png"), atomically: true, encoding: .utf8)
        let result = try Binary.run(["ask", "--corpus", directory.path, "hello?"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no .txt or .md files"))
    }

    @Test(.enabled(if: Binary.permissionsApply, "root, and the binary is out of other users' reach"))
    func unreadableFileIsNamed() throws {
        let directory = try Binary.temporaryDirectory()
        let file = directory.appendingPathComponent("secret.txt")
        try "Hidden text here.".write(to: file, atomically: true, encoding: .utf8)
        chmod(file.path, 0)
        let result = try Binary.run(["ask", "--no-cache", "--corpus", file.path, "hello?"], unprivileged: true)
        #expect(result.status == 66)
        #expect(result.stderr.contains("secret.txt"))
        #expect(result.stderr.contains("permission denied"))
    }

    @Test func unknownOptionExits64() throws {
        let result = try Binary.run(["ask", "--no-such-flag", "hello?"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--no-such-flag"))
    }

    @Test(arguments: [["--top-k", "0"], ["--min-score", "2"], ["--format", "xml"]])
    func badOptionValuesExit64(_ options: [String]) throws {
        let result = try Binary.run(["ask"] + options + ["hello?"])
        #expect(result.status == 64)
    }

    /// An empty question (an unset variable in a script) is a usage error, not a question
    /// to abstain on.
    @Test(arguments: [[""], ["  ", "\t"]])
    func anEmptyQuestionExits64(_ words: [String]) throws {
        let result = try Binary.run(["ask", "--no-cache"] + words)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("The question is empty"))
    }

    @Test func helpShowsExamples() throws {
        let result = try Binary.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("EXAMPLES:"))
        #expect(result.stdout.contains("citebot ask"))
        let batch = try Binary.run(["batch", "--help"])
        #expect(batch.stdout.contains("--format"))
    }

    @Test func versionPrints() throws {
        let result = try Binary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: ".").count == 3)
    }

    @Test func invalidUTF8CorpusWarnsAndStillAnswers() throws {
        let directory = try Binary.temporaryDirectory()
        var bytes = Data("Kettles boil water quickly. ".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(Data(" Steam rises.".utf8))
        try bytes.write(to: directory.appendingPathComponent("bad.txt"))
        let result = try Binary.run(["ask", "--corpus", directory.path, "do kettles boil water?"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("bad.txt: invalid UTF-8 replaced with U+FFFD"))
        let quiet = try Binary.run(["ask", "--quiet", "--corpus", directory.path, "do kettles boil water?"])
        #expect(quiet.stderr.isEmpty)
    }
}

/// `:why` over a pipe: when the cited sentence stands for the one that matched, it says
/// which, and where the question's words were found.
@Suite struct WhyCommandTests {
    @Test func whySaysWhichSentenceACitationStandsFor() throws {
        let root = try Binary.temporaryDirectory()
        let corpus = try Binary.folder("corpus", in: root, files: [
            "kettles.txt": "Copper kettles heat water quickly. That is because copper conducts heat well.\n",
        ])
        let result = try Binary.run(["chat", "--no-cache", "--min-score", "0", "--corpus", corpus.path],
                                    input: "Why do copper kettles heat water quickly?\n:why\n", environment: ["HOME": root.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("That is because copper conducts heat well. [1]"))
        #expect(lines.contains("[1] is cited in place of ¶1.1, which matched the question: \"Copper kettles heat water quickly.\""))
        #expect(lines.contains { $0.hasPrefix("  copper [copper] weight ") && $0.hasSuffix("  matched in [1]") })
        #expect(lines.contains { $0.hasPrefix("  quickly [quick") && $0.hasSuffix("  matched in ¶1.1") })
    }

    /// An abstention shows no [1]: its nearest sentence is the first that `:more` lists, and
    /// `:why` names it so.
    @Test func afterAnAbstentionWhyNamesTheNearestSentence() throws {
        let root = try Binary.temporaryDirectory()
        let corpus = try Binary.folder("corpus", in: root, files: [
            "kettles.txt": "Copper kettles heat water quickly. That is because copper conducts heat well.\n",
        ])
        let result = try Binary.run(["chat", "--no-cache", "--corpus", corpus.path],
                                    input: "Why do copper kettles boil soup loudly?\n:why\n", environment: ["HOME": root.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("I couldn't find an answer to that in the corpus."))
        #expect(lines.contains("The nearest sentence ([1] of :more) is listed in place of ¶1.1, which matched the question: "
                               + "\"Copper kettles heat water quickly.\""))
        #expect(!lines.contains { $0.hasPrefix("[1] is cited") })
    }

    /// `:why` says when the confidence was halved because the sentence is about something
    /// other than the question's subject (WordNet, here the test fixture's, tells the verb).
    @Test func whySaysWhenTheSubjectIsNotNamed() throws {
        let root = try Binary.temporaryDirectory()
        let corpus = try Binary.folder("corpus", in: root, files: [
            "kettles.txt": "Kettles run for five years on average. Ceramic teapots differ with the glaze.\n",
        ])
        let result = try Binary.run(["chat", "--no-cache", "--corpus", corpus.path],
                                    input: "How long do teapots run?\n:why\n",
                                    environment: ["HOME": root.path, "CITEBOT_WORDNET": FollowUpAgreementPipeTests.wordNet])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("I couldn't find an answer to that in the corpus."), "\(result.stdout)")
        #expect(lines.contains("  halved: the nearest sentence does not name the question's subject, \"teapots\""),
                "\(result.stdout)")
    }
}

/// Follow-ups in `chat` read WordNet as the answerer does, so the verb of a rewritten
/// question agrees with a singular in "-s".
@Suite struct FollowUpAgreementPipeTests {
    /// The hand-made WordNet database of the unit tests, found from this file's path.
    static let wordNet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CiteBotKitTests/Fixtures/WordNet").path

    @Test(arguments: [(true, "(taken as: Why is lens noisy?)"), (false, "(taken as: Why are lens noisy?)")])
    func theVerbAgreesWithASingularInSWhenWordNetIsThere(wordNet: Bool, expected: String) throws {
        let root = try Binary.temporaryDirectory()
        let corpus = try Binary.folder("corpus", in: root, files: [
            "kettles.txt": "Kettles boil fast. Kettles rattle on a stove. Kettles are noisy because the water bubbles.\n\n"
                + "A lens is noisy when its motor turns.\n",
        ])
        let result = try Binary.run(["chat", "--no-cache", "--corpus", corpus.path],
                                    input: "Why are kettles noisy?\nwhat about lens?\n",
                                    environment: ["HOME": root.path, "CITEBOT_WORDNET": wordNet ? Self.wordNet : "/nonexistent"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").contains { $0 == expected }, "\(result.stdout)")
    }
}
