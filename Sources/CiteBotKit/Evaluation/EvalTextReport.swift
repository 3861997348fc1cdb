/// Renders an evaluation run as the plain-text report `citebot eval` prints.
///
/// ```
/// questions 64 (answerable 49, unanswerable 15)
/// hit@1 0.92  hit@3 0.98  MRR@10 0.95  answered accuracy 0.90  short-answer EM 0.40 F1 0.71
/// abstention: precision 0.93 recall 0.87 F1 0.90; false abstentions 2, correct abstentions 13
/// speed: 1234.5 questions/s
/// failures:
///   dur4  "How long does a kettle take?"  cited ¶3:1 "A pan takes ten minutes."  expected "A kettle boils water in three minutes"
/// ```
/// Unmeasured figures print as `n/a`; the short-answer figures are left out when
/// no question has gold answers. Questions and quoted sentences are escaped so
/// each failure stays on one line.
public struct EvalTextReport: Sendable, Hashable {
    /// Whether citations name their document (`kettles.txt ¶3:1`), for multi-document corpora.
    public var showSources: Bool
    /// Whether to print the speed line (off for reproducible output).
    public var showSpeed: Bool

    /// A renderer; both options default to the single-document, interactive case.
    public init(showSources: Bool = false, showSpeed: Bool = true) {
        self.showSources = showSources
        self.showSpeed = showSpeed
    }

    /// The report of `run`: its summary and the failures it kept.
    public func render(_ run: EvaluationRun) -> String {
        render(summary: run.summary, failures: run.failures)
    }

    /// The report of `summary` listing `failures` (already capped by the caller).
    public func render(summary: EvalSummary, failures: [EvalResult]) -> String {
        let fixed = { (value: Double?) in EvalFormat.fixed(value) }
        var lines = ["questions \(summary.questions) (answerable \(summary.answerable), unanswerable \(summary.unanswerable))"]
        var retrieval = ["hit@1 \(fixed(summary.hitAt1))"]
        if summary.k != 1 { retrieval.append("hit@\(summary.k) \(fixed(summary.hitAtK))") }
        retrieval.append("MRR@10 \(fixed(summary.mrrAt10))")
        retrieval.append("answered accuracy \(fixed(summary.answeredAccuracy))")
        if summary.scoredShortAnswers > 0 {
            retrieval.append("short-answer EM \(fixed(summary.exactMatch)) F1 \(fixed(summary.f1))")
        }
        lines.append(retrieval.joined(separator: "  "))
        lines.append(
            "abstention: precision \(fixed(summary.abstentionPrecision)) recall \(fixed(summary.abstentionRecall))"
                + " F1 \(fixed(summary.abstentionF1)); false abstentions \(summary.falseAbstentions),"
                + " correct abstentions \(summary.correctAbstentions)")
        if showSpeed, let speed = summary.questionsPerSecond {
            lines.append("speed: \(EvalFormat.fixed(speed, 1)) questions/s")
        }
        if summary.failures == 0 {
            lines.append("failures: none")
        } else if failures.count < summary.failures {
            lines.append("failures (first \(failures.count) of \(summary.failures)):")
        } else {
            lines.append("failures:")
        }
        lines += failures.map(failureLine)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One failure: id, question, what the engine did, and what was expected.
    func failureLine(_ result: EvalResult) -> String {
        let id = EvalFormat.quoted(result.id)
        let shownID = id == "\"\(result.id)\"" && !result.id.isEmpty ? result.id : id
        var parts = ["  \(shownID)", EvalFormat.quoted(result.question)]
        if result.abstained {
            parts.append("abstained (confidence \(EvalFormat.fixed(result.confidence)))")
        } else if let citation = result.topCitation {
            parts.append("cited \(location(citation.source, citation.paragraph, citation.sentence)) \(EvalFormat.quoted(citation.text))")
        } else {
            parts.append("cited nothing")
        }
        if result.unanswerable {
            parts.append("expected abstention (unanswerable)")
        } else {
            var expected = "expected"
            if let paragraph = result.expectedParagraph {
                expected += " " + location(result.expectedSource ?? "", paragraph, nil)
            }
            expected += " " + EvalFormat.quoted(result.expected ?? "")
            parts.append(expected)
        }
        return parts.joined(separator: "  ")
    }

    private func location(_ source: String, _ paragraph: Int, _ sentence: Int?) -> String {
        let place = sentence.map { "¶\(paragraph):\($0)" } ?? "¶\(paragraph)"
        return showSources && !source.isEmpty ? "\(source) \(place)" : place
    }
}
