import Foundation
import Synchronization
import Testing

@testable import CiteBotKit

/// A scripted engine: replies from a table keyed by question text, abstaining
/// with no citations on anything else, and recording the questions it was asked.
final class FakeAnswerer: QuestionAnswering, Sendable {
    private let replies: [String: Answer]
    private let log = AskedLog()

    init(_ replies: [Answer]) {
        self.replies = Dictionary(replies.map { ($0.question, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func answer(_ question: String) -> Answer {
        log.append(question)
        return replies[question]
            ?? Answer(question: question, text: "I don't know.", abstained: true, citations: [], confidence: 0)
    }

    /// Every question asked, in order.
    var asked: [String] { log.entries }
}

/// A lock-protected list, so the fake can stay `Sendable` without `@unchecked`.
private final class AskedLog: Sendable {
    private let storage = Mutex<[String]>([])

    func append(_ question: String) { storage.withLock { $0.append(question) } }
    var entries: [String] { storage.withLock { $0 } }
}

/// A citation of `text` at ¶`paragraph`:`sentence` of `source`.
func cite(_ text: String, _ paragraph: Int = 1, _ sentence: Int = 1, source: String = "doc.txt", score: Double = 1)
    -> Citation
{
    Citation(source: source, paragraph: paragraph, sentence: sentence, text: text, score: score)
}

/// The URL of a fixture under `Fixtures/Evaluation/`.
func evaluationFixture(_ name: String) throws -> URL {
    let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
    let url = Bundle.module.url(
        forResource: parts[0], withExtension: parts.count > 1 ? parts[1] : nil, subdirectory: "Fixtures/Evaluation")
    return try #require(url, "missing fixture Fixtures/Evaluation/\(name)")
}

/// A hand-made result, with only the fields the metrics read set explicitly.
func result(
    _ id: String, unanswerable: Bool = false, abstained: Bool = false, confidence: Double = 0.5,
    rank: Int? = nil, cited: Bool = true, em: Double? = nil, f1: Double? = nil
) -> EvalResult {
    var question = EvalQuestion(id: id, question: "\(id)?", unanswerable: unanswerable)
    if !unanswerable { question.evidence = ["gold \(id)"] }
    var ranking: [Citation] = []
    if cited {
        let length = max(rank ?? 1, 1)
        ranking = (1...length).map { cite("wrong \(id) \($0)", 1, $0) }
        if let rank { ranking[rank - 1] = cite("gold \(id)", 1, rank) }
    }
    let answer = Answer(
        question: question.question, text: "answer", abstained: abstained,
        citations: abstained ? [] : Array(ranking.prefix(1)), alternatives: abstained ? ranking : Array(ranking.dropFirst()),
        confidence: confidence)
    var scored = EvalResult(question: question, answer: answer, k: 3)
    scored.exactMatch = em
    scored.f1 = f1
    return scored
}
