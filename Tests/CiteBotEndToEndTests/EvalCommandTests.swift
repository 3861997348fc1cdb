import Foundation
import Testing

/// `citebot eval` and the hidden `citebot sentences` dump, run as a user or CI would.
@Suite struct EvalCommandTests {
    static var testSet: String { Binary.repositoryRoot.appendingPathComponent("TestSets/botox-vs-fillers.jsonl").path }
    static var squad: String { Binary.repositoryRoot.appendingPathComponent("TestSets/squad-fixture-v2.0.json").path }

    @Test func reportsMetricsOnTheProjectTestSet() throws {
        let result = try Binary.run(["eval", Self.testSet, "--show-failures", "2"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("questions 101 (answerable 76, unanswerable 25)\n"))
        #expect(result.stdout.contains("hit@1 "))
        #expect(result.stdout.contains("MRR@10 "))
        #expect(result.stdout.contains("abstention: precision "))
        #expect(result.stdout.contains("failures (first 2 of"))
    }

    @Test func failUnderSetsTheExitStatus() throws {
        let passing = try Binary.run(["eval", Self.testSet, "--fail-under", "hit@1=0.1"])
        #expect(passing.status == 0)
        let failing = try Binary.run(["eval", Self.testSet, "--fail-under", "hit@1=0.99"])
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("hit@1"))
        let unknown = try Binary.run(["eval", Self.testSet, "--fail-under", "speed=3"])
        #expect(unknown.status == 64)
    }

    @Test func jsonReportIsOneValidDocumentWithEveryQuestion() throws {
        let result = try Binary.run(["eval", Self.testSet, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["results"] as? [Any])?.count == 101)
        #expect(object["summary"] is [String: Any])
    }

    @Test func sweepAndPlot() throws {
        let plot = try Binary.temporaryDirectory().appendingPathComponent("sweep.svg")
        let result = try Binary.run(["eval", Self.testSet, "--sweep", "--plot", plot.path])
        #expect(result.stdout.contains("best threshold"))
        let svg = try String(contentsOf: plot, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(svg.contains("</svg>"))
    }

    @Test func readsSQuADFilesAtEachScope() throws {
        for scope in ["paragraph", "article", "all"] {
            let result = try Binary.run(["eval", Self.squad, "--scope", scope])
            #expect(result.status == 0, "scope \(scope): \(result.stderr)")
            #expect(result.stdout.hasPrefix("questions 66 (answerable 51, unanswerable 15)"))
        }
    }

    /// `--ablate answer-type` switches the answer-type check off: a sentence on the topic
    /// that holds no span of time is then answered rather than abstained on. The other
    /// ablations added with it are accepted by name.
    @Test func answerTypeAblationAnswersWhatTheCheckAbstainsOn() throws {
        let root = try Binary.temporaryDirectory()
        let corpus = try Binary.folder("notes", in: root,
                                       files: ["kettles.txt": "Kettles boil water on gas stoves.\n\nTeapots keep tea warm.\n"])
        let questions = root.appendingPathComponent("questions.jsonl")
        try #"{"id": "a", "question": "How long does a kettle take to boil water on a gas stove?", "evidence": ["Kettles boil water on gas stoves"]}"#
            .appending("\n").write(to: questions, atomically: true, encoding: .utf8)
        func run(_ extra: [String]) throws -> Binary.Result {
            try Binary.run(["eval", questions.path, "--corpus", corpus.path, "--no-cache", "-q"] + extra)
        }
        let checked = try run([])
        #expect(checked.stdout.contains("answered accuracy 0.00"), "\(checked.stdout)")
        let ablated = try run(["--ablate", "answer-type"])
        #expect(ablated.stdout.contains("answered accuracy 1.00"), "\(ablated.stdout)")
        for name in ["base-form-typos", "both-options"] {
            let result = try run(["--ablate", name])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stdout.contains("answered accuracy 0.00"), "\(name): \(result.stdout)")
        }
    }

    @Test func malformedTestFileNamesFileAndLine() throws {
        let file = try Binary.temporaryDirectory().appendingPathComponent("bad.jsonl")
        try "{\"question\": \"ok?\", \"unanswerable\": true}\n{not json}\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["eval", file.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.jsonl:2"))
    }

    @Test func sentencesDumpListsEverySentenceWithItsRole() throws {
        let result = try Binary.run(["sentences", "--format", "jsonl"])
        #expect(result.status == 0)
        let records = try result.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(records.count == 40)
        #expect(records.filter { $0["citable"] as? Bool == true }.count == 37)
        #expect(records.first?["text"] as? String == "What is the Difference Between Botox and Dermal Fillers?")
    }
}
