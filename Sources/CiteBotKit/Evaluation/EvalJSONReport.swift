import Foundation

/// The JSON report of an evaluation: the summary and every per-question result.
///
/// Keys are sorted and every key is always present (`null` when unmeasured), so
/// reports of the same run are byte-identical and another tool can recompute the
/// summary from `results` (feed them, in order, to a ``MetricsAccumulator`` with
/// the summary's `k`). Non-finite numbers, which a correct engine never produces,
/// are written as the strings `"nan"`, `"inf"`, `"-inf"` rather than failing.
public struct EvalReport: Sendable, Hashable, Codable {
    /// Per-question results in question order.
    public var results: [EvalResult]
    /// The run's figures.
    public var summary: EvalSummary

    /// A report of `results` (in question order) and their `summary`.
    public init(results: [EvalResult], summary: EvalSummary) {
        self.results = results
        self.summary = summary
    }

    /// Reads a report written by ``EvalJSONReportWriter``.
    public static func decode(from data: Data) throws -> EvalReport {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(EvalReport.self, from: data)
    }
}

/// Writes the JSON report while results stream in, one result per line.
///
/// The output is `{"results":[` followed by one compact result per line, then
/// `],"summary":{…}}`: valid JSON that decodes as ``EvalReport``, written without
/// holding the results in memory.
public struct EvalJSONReportWriter {
    private let encoder: JSONEncoder
    private var started = false

    /// A writer that has written nothing yet.
    public init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    }

    /// Writes one result.
    public mutating func write(_ result: EvalResult, to output: inout some TextOutputStream) throws {
        output.write(started ? ",\n" : "{\"results\":[\n")
        started = true
        output.write(try encoded(result))
    }

    /// Writes the summary and closes the document; call once, after the last result.
    public mutating func finish(_ summary: EvalSummary, to output: inout some TextOutputStream) throws {
        output.write(started ? "\n],\"summary\":" : "{\"results\":[\n],\"summary\":")
        started = true
        output.write(try encoded(summary))
        output.write("}\n")
    }

    /// The whole report as one string, identical to what streaming it would write.
    public static func render(_ report: EvalReport) throws -> String {
        var writer = EvalJSONReportWriter()
        var output = ""
        for result in report.results { try writer.write(result, to: &output) }
        try writer.finish(report.summary, to: &output)
        return output
    }

    private func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
