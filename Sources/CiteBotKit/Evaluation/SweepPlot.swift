/// Draws a ``ThresholdSweep`` as a coverage–accuracy curve in a standalone SVG file.
///
/// The x axis is coverage (share of questions answered), the y axis the accuracy
/// of what was answered, both from 0 to 1 with ticks every 0.2. The curve joins
/// the sweep's points in threshold order (each point carries a tooltip with its
/// figures); the best threshold is ringed in green and the current one is a red
/// dot, each labelled with its threshold. Points where nothing is answered have no
/// accuracy and are left out. All text is XML-escaped, so the output is
/// well-formed XML that browsers open directly.
public struct SweepPlot: Sendable, Hashable {
    /// Image width in pixels (at least 240).
    public var width: Int
    /// Image height in pixels (at least 200).
    public var height: Int
    /// The heading drawn above the plot.
    public var title: String

    /// A plot of the given size (raised to the minimums) and title.
    public init(width: Int = 640, height: Int = 440, title: String = "Coverage vs accuracy by confidence threshold") {
        self.width = max(240, width)
        self.height = max(200, height)
        self.title = title
    }

    /// The SVG document.
    ///
    /// - Parameter current: the point at the current threshold (see
    ///   ``ThresholdSweep/point(at:samples:)``), marked when given.
    public func svg(_ sweep: ThresholdSweep, current: ThresholdSweep.Point? = nil) -> String {
        let frame = Frame(width: Double(max(240, width)), height: Double(max(200, height)))
        var lines: [String] = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(frame.width.formatted0)\" height=\"\(frame.height.formatted0)\""
                + " viewBox=\"0 0 \(frame.width.formatted0) \(frame.height.formatted0)\" font-family=\"sans-serif\" font-size=\"12\">",
            "<title>\(EvalFormat.xmlEscaped(title))</title>",
            "<rect x=\"0\" y=\"0\" width=\"\(frame.width.formatted0)\" height=\"\(frame.height.formatted0)\" fill=\"white\"/>",
            "<text class=\"title\" x=\"\(number(frame.width / 2))\" y=\"28\" text-anchor=\"middle\" font-size=\"16\">"
                + "\(EvalFormat.xmlEscaped(title))</text>",
        ]
        lines += axes(frame)
        let plotted = sweep.points.compactMap { point -> (ThresholdSweep.Point, Double, Double)? in
            guard let coverage = point.coverage, let accuracy = point.accuracy else { return nil }
            return (point, frame.x(coverage), frame.y(accuracy))
        }
        if !plotted.isEmpty {
            let points = plotted.map { "\(number($0.1)),\(number($0.2))" }.joined(separator: " ")
            lines.append(
                "<polyline class=\"curve\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"\(points)\"/>")
            lines.append("<g class=\"points\" fill=\"#1f77b4\">")
            for (point, x, y) in plotted {
                lines.append(
                    "<circle cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"2.5\"><title>\(EvalFormat.xmlEscaped(describe(point)))</title></circle>")
            }
            lines.append("</g>")
        } else {
            lines.append(
                "<text class=\"note\" x=\"\(number(frame.width / 2))\" y=\"\(number(frame.height / 2))\" text-anchor=\"middle\">"
                    + "no threshold answers any question</text>")
        }
        if let best = sweep.best {
            lines += marker(best, label: "best", frame: frame, style: .best)
        }
        if let current {
            lines += marker(current, label: "current", frame: frame, style: .current)
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func axes(_ frame: Frame) -> [String] {
        var lines = ["<g class=\"grid\" stroke=\"#dddddd\" stroke-width=\"1\">"]
        let ticks = stride(from: 0, through: 10, by: 2).map { Double($0) / 10 }
        for tick in ticks.dropFirst() {
            lines.append(line(frame.x(tick), frame.y(0), frame.x(tick), frame.y(1)))
            lines.append(line(frame.x(0), frame.y(tick), frame.x(1), frame.y(tick)))
        }
        lines.append("</g>")
        lines.append("<g class=\"axes\" stroke=\"black\" stroke-width=\"1\">")
        lines.append(line(frame.x(0), frame.y(0), frame.x(1), frame.y(0)))
        lines.append(line(frame.x(0), frame.y(0), frame.x(0), frame.y(1)))
        for tick in ticks {
            lines.append(line(frame.x(tick), frame.y(0), frame.x(tick), frame.y(0) + 5))
            lines.append(line(frame.x(0) - 5, frame.y(tick), frame.x(0), frame.y(tick)))
        }
        lines.append("</g>")
        lines.append("<g class=\"tick-labels\" fill=\"black\">")
        for tick in ticks {
            let label = EvalFormat.fixed(tick, 1)
            lines.append(
                "<text x=\"\(number(frame.x(tick)))\" y=\"\(number(frame.y(0) + 20))\" text-anchor=\"middle\">\(label)</text>")
            lines.append(
                "<text x=\"\(number(frame.x(0) - 9))\" y=\"\(number(frame.y(tick) + 4))\" text-anchor=\"end\">\(label)</text>")
        }
        lines.append("</g>")
        let middleX = (frame.x(0) + frame.x(1)) / 2
        let middleY = (frame.y(0) + frame.y(1)) / 2
        lines.append(
            "<text class=\"x-label\" x=\"\(number(middleX))\" y=\"\(number(frame.height - 14))\" text-anchor=\"middle\">coverage</text>")
        lines.append(
            "<text class=\"y-label\" x=\"18\" y=\"\(number(middleY))\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 18 \(number(middleY)))\">accuracy of answered</text>")
        return lines
    }

    private enum MarkerStyle { case best, current }

    private func marker(_ point: ThresholdSweep.Point, label: String, frame: Frame, style: MarkerStyle) -> [String] {
        let text = "\(label) t=\(EvalFormat.fixed(point.threshold))"
        guard let coverage = point.coverage, let accuracy = point.accuracy else {
            let y = style == .best ? frame.height - 32 : frame.height - 46
            return [
                "<text class=\"\(label)-note\" x=\"\(number(frame.x(1)))\" y=\"\(number(y))\" text-anchor=\"end\">"
                    + "\(EvalFormat.xmlEscaped(text)): nothing answered</text>"
            ]
        }
        let x = frame.x(coverage)
        let y = frame.y(accuracy)
        // Labels go to the right of the marker unless that would leave the plot;
        // "best" sits above and "current" below so coinciding markers stay legible.
        let leftward = x > frame.x(1) - 130
        let labelX = leftward ? x - 10 : x + 10
        let labelY = style == .best ? y - 10 : y + 18
        let anchor = leftward ? "end" : "start"
        let shape =
            style == .best
            ? "<circle class=\"best\" cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"7\" fill=\"none\" stroke=\"#2ca02c\" stroke-width=\"2.5\">"
            : "<circle class=\"current\" cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"5\" fill=\"#d62728\">"
        let color = style == .best ? "#2ca02c" : "#d62728"
        return [
            shape + "<title>\(EvalFormat.xmlEscaped("\(label): " + describe(point)))</title></circle>",
            "<text class=\"\(label)-label\" x=\"\(number(labelX))\" y=\"\(number(labelY))\" text-anchor=\"\(anchor)\""
                + " fill=\"\(color)\">\(EvalFormat.xmlEscaped(text))</text>",
        ]
    }

    private func describe(_ point: ThresholdSweep.Point) -> String {
        "threshold \(EvalFormat.fixed(point.threshold)): coverage \(EvalFormat.fixed(point.coverage)),"
            + " accuracy \(EvalFormat.fixed(point.accuracy)), abstention F1 \(EvalFormat.fixed(point.abstentionF1))"
    }

    private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\"/>"
    }

    private func number(_ value: Double) -> String { EvalFormat.fixed(value, 1) }

    /// The plot area inside the margins, and the mapping from [0, 1]² onto it.
    private struct Frame {
        let width: Double
        let height: Double
        let left = 70.0
        let right = 30.0
        let top = 50.0
        let bottom = 60.0

        func x(_ coverage: Double) -> Double { left + min(max(coverage, 0), 1) * (width - left - right) }
        func y(_ accuracy: Double) -> Double { top + (1 - min(max(accuracy, 0), 1)) * (height - top - bottom) }
    }
}

extension Double {
    fileprivate var formatted0: String { EvalFormat.fixed(self, 0) }
}
