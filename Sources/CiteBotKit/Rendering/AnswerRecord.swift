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

    /// The record as one line of compact JSON with sorted keys (no trailing newline): the
    /// bytes `JSONEncoder` gives with `.sortedKeys` and `.withoutEscapingSlashes`, written
    /// directly (see ``JSONText``), and like it `{}` if a number is not finite.
    ///
    /// - Complexity: O(length of the record's text).
    public func jsonLine() -> String {
        var json = JSONText()
        json.raw("{")
        json.key("abstained")
        json.bool(abstained)
        json.raw(",")
        json.key("answer")
        json.string(answer)
        json.raw(",")
        json.key("citations")
        json.raw("[")
        for (i, citation) in citations.enumerated() {
            if i > 0 { json.raw(",") }
            json.raw("{")
            if let continuation = citation.continuation {
                json.key("continuation")
                json.string(continuation)
                json.raw(",")
            }
            json.key("paragraph")
            json.int(citation.paragraph)
            json.raw(",")
            json.key("score")
            guard json.number(citation.score) else { return "{}" }
            json.raw(",")
            json.key("sentence")
            json.int(citation.sentence)
            json.raw(",")
            json.key("source")
            json.string(citation.source)
            json.raw(",")
            json.key("text")
            json.string(citation.text)
            json.raw("}")
        }
        json.raw("],")
        json.key("confidence")
        guard json.number(confidence) else { return "{}" }
        json.raw(",")
        json.key("kind")
        json.string(kind)
        json.raw(",")
        json.key("question")
        json.string(question)
        if let shortAnswer {
            json.raw(",")
            json.key("short_answer")
            json.string(shortAnswer)
        }
        json.raw("}")
        return json.string
    }
}
