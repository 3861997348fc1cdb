import Foundation

/// The machine-readable form of an ``Answer``: one JSON object per question.
///
/// Field names are snake_case and stable; new fields may be added, none removed.
public struct AnswerRecord: Codable, Sendable, Equatable {
    public var question: String
    public var answer: String
    public var shortAnswer: String?
    public var kind: String
    public var abstained: Bool
    public var confidence: Double
    public var citations: [Citation]

    enum CodingKeys: String, CodingKey {
        case question, answer, kind, abstained, confidence, citations
        case shortAnswer = "short_answer"
    }

    public init(_ answer: Answer) {
        question = answer.question
        self.answer = answer.text
        shortAnswer = answer.shortAnswer
        kind = answer.kind.rawValue
        abstained = answer.abstained
        confidence = (answer.confidence * 10_000).rounded() / 10_000
        citations = answer.citations
    }

    /// The record as an indented JSON document with sorted keys (no trailing newline).
    public func jsonDocument() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The record as one line of compact JSON with sorted keys (no trailing newline).
    public func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
