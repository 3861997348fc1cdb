import Foundation
import Testing

@testable import CiteBotKit

@Suite("Evaluation reports")
struct EvalReportTests {
    @Test func textReportListsFiguresAndTheFirstFailures() throws {
        let run = try Scenario.run(failureLimit: 2)
        let text = EvalTextReport(showSpeed: false).render(run)
        #expect(
            text == """
                questions 5 (answerable 3, unanswerable 2)
                hit@1 0.67  hit@3 1.00  MRR@10 0.78  answered accuracy 0.33  short-answer EM 0.50 F1 0.50
                abstention: precision 0.50 recall 0.50 F1 0.50; false abstentions 1, correct abstentions 1
                failures (first 2 of 3):
                  dur4  "How long do filler results last?"  cited ¶8:1 "Botox results last 3 to 4 months."  expected "Dermal filler results fluctuate"
                  none2  "What is the price?"  cited ¶3:1 "Prices vary."  expected abstention (unanswerable)

                """)
    }

    @Test func speedLineAppearsWhenMeasured() throws {
        var summary = try Scenario.run().summary
        summary.questionsPerSecond = 1234.54
        let text = EvalTextReport().render(summary: summary, failures: [])
        #expect(text.contains("\nspeed: 1234.5 questions/s\n"))
    }

    @Test func failureLinesEscapeControlCharactersAndNameAbstentions() throws {
        var question = EvalQuestion(id: "ctl", question: "Who won the\n1998\u{7} Cup?\u{202E}", answers: ["France"])
        question.evidence = ["France won in 1998."]
        let answer = Answer(question: question.question, text: "?", abstained: true, citations: [], confidence: 0.2)
        let line = EvalTextReport().failureLine(EvalResult(question: question, answer: answer, k: 3))
        #expect(line == #"  ctl  "Who won the\n1998\u{7} Cup?\u{202E}"  abstained (confidence 0.20)  expected "France won in 1998.""#)
    }

    @Test func failureLinesCanNameSourcesAndSQuADParagraphs() throws {
        let set = try SQuADTestSet(contentsOf: evaluationFixture("squad-v1.json"), displayName: "v1.json")
        let question = set.questions[1]
        let answer = Answer(
            question: question.question, text: "?", abstained: false,
            citations: [cite("It was the 50th Super Bowl.", 2, 2, source: "Super_Bowl_50.txt")], confidence: 0.5)
        let line = EvalTextReport(showSources: true).failureLine(EvalResult(question: question, answer: answer, k: 3))
        #expect(
            line
                == #"  sb2  "Where was the game played?"  cited Super_Bowl_50.txt ¶2:2 "It was the 50th Super Bowl."  expected Super_Bowl_50.txt ¶2 "Santa Clara""#
        )
    }

    @Test func cleanRunSaysNoFailures() {
        var accumulator = MetricsAccumulator()
        accumulator.add(result("a", rank: 1))
        let text = EvalTextReport().render(summary: accumulator.summary(), failures: [])
        #expect(text.hasSuffix("failures: none\n"))
        #expect(!text.contains("short-answer"))
        #expect(text.contains("abstention: precision n/a recall n/a F1 n/a"))
    }

    @Test func jsonReportResultsRecomputeTheSummary() throws {
        var writer = EvalJSONReportWriter()
        var json = ""
        let run = try Scenario.run { try writer.write($0, to: &json) }
        try writer.finish(run.summary, to: &json)

        let report = try EvalReport.decode(from: Data(json.utf8))
        #expect(report.results.count == 5)
        var accumulator = MetricsAccumulator(k: report.summary.k)
        for result in report.results { accumulator.add(result) }
        #expect(accumulator.summary(elapsedSeconds: report.summary.elapsedSeconds) == report.summary)
        #expect(report.summary == run.summary)
    }

    @Test func jsonReportIsDeterministicAndKeepsNulls() throws {
        var results: [EvalResult] = []
        let run = try Scenario.run { results.append($0) }
        var summary = run.summary
        summary.elapsedSeconds = 0.5
        summary.questionsPerSecond = 10
        let report = EvalReport(results: results, summary: summary)
        let first = try EvalJSONReportWriter.render(report)
        #expect(try EvalJSONReportWriter.render(report) == first)
        #expect(try EvalReport.decode(from: Data(first.utf8)) == report)
        let lines = first.split(separator: "\n")
        #expect(lines.first == #"{"results":["#)
        #expect(lines.count == 7)
        #expect(lines[3].contains(#""firstMatchRank":null"#))
        #expect(lines[3].contains(#""question":"Who won the\n1998\u0007 World Cup?""#))
        #expect(lines.last?.hasPrefix(#"],"summary":{"abstained":2,"abstentionF1":0.5,"#) == true)
    }

    @Test func emptyJSONReportIsValid() throws {
        var writer = EvalJSONReportWriter()
        var json = ""
        try writer.finish(MetricsAccumulator().summary(), to: &json)
        #expect(try EvalReport.decode(from: Data(json.utf8)).results.isEmpty)
    }
}
