/// Renders a ``ThresholdSweep`` as the text table `citebot eval --sweep` prints.
///
/// ```
/// threshold  coverage  accuracy  abstention-F1  decision-accuracy
///      0.00      1.00      0.82           0.00               0.82
///      0.30      0.80      0.95           0.88               0.90  <- best
/// best threshold 0.30: coverage 0.80, accuracy of answered 0.95, abstention F1 0.88, decision accuracy 0.90
/// ```
/// The criterion for "best" is ``ThresholdSweep``'s: highest decision accuracy,
/// ties to the lower threshold.
public enum SweepTable {
    /// The table, then the best threshold and, when given, the current one.
    public static func render(_ sweep: ThresholdSweep, current: ThresholdSweep.Point? = nil) -> String {
        var lines = ["threshold  coverage  accuracy  abstention-F1  decision-accuracy"]
        for (index, point) in sweep.points.enumerated() {
            var line = pad(EvalFormat.fixed(point.threshold), 9)
                + pad(EvalFormat.fixed(point.coverage), 10)
                + pad(EvalFormat.fixed(point.accuracy), 10)
                + pad(EvalFormat.fixed(point.abstentionF1), 15)
                + pad(EvalFormat.fixed(point.decisionAccuracy), 19)
            var marks: [String] = []
            if index == sweep.bestIndex { marks.append("best") }
            if let current, abs(current.threshold - point.threshold) < 1e-9 { marks.append("current") }
            if !marks.isEmpty { line += "  <- " + marks.joined(separator: ", ") }
            lines.append(line)
        }
        if let best = sweep.best { lines.append("best threshold " + summary(best)) }
        if let current { lines.append("current threshold " + summary(current)) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func summary(_ point: ThresholdSweep.Point) -> String {
        "\(EvalFormat.fixed(point.threshold)): coverage \(EvalFormat.fixed(point.coverage)),"
            + " accuracy of answered \(EvalFormat.fixed(point.accuracy)),"
            + " abstention F1 \(EvalFormat.fixed(point.abstentionF1)),"
            + " decision accuracy \(EvalFormat.fixed(point.decisionAccuracy))"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
