// libFuzzer target: a question, as arbitrary bytes, through QuestionParser, QueryBuilder
// and Answerer.answer over a tiny fixed corpus. Checks that every citation quotes a
// sentence of the corpus verbatim and that the confidence is a number in [0, 1].
import CiteBotKit

private let corpus = [
    Document(source: "botox.txt", text: """
        Botox Basics

        Botox is a neurotoxin that relaxes muscles. Botox results last 3 to 4 months. \
        Dr. Smith said it costs $400, i.e. about €370… per area!

        Why do people use it? Because wrinkles form when muscles contract.
        """),
    Document(source: "fillers.md", text: """
        # Dermal fillers

        - Fillers contain hyaluronic acid that adds volume.
        - Results last 6 to 18 months.

        Fillers vs. Botox: fillers fill, Botox relaxes. Ça dure longtemps. 日本語の文です。
        """),
]

private let answerer: Answerer = {
    guard let analyzer = Analyzer() else { fatalError("libstemmer has no English stemmer") }
    do {
        let index = try IndexBuilder(analyzer: analyzer).build(corpus)
        return Answerer(index: index, analyzer: analyzer, options: AnswerOptions(topK: 2))
    } catch {
        fatalError("the fixed corpus does not index: \(error)")
    }
}()

private let quotable: Set<String> = Set(answerer.index.sentences.indices.map { answerer.index.text(ofSentence: $0) })

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuestionParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let question = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parsed = QuestionParser(analyzer: answerer.analyzer).parse(question)
    for side in parsed.sides {
        check(!side.isEmpty, "a comparison side is empty")
    }
    let query = QueryBuilder(index: answerer.index, analyzer: answerer.analyzer).query(for: parsed.terms)
    for term in query.terms {
        check(term.weight.isFinite && term.weight >= 0, "term \(term.surface) weighs \(term.weight)")
        if let id = term.id { check(Int(id) < answerer.index.vocabulary.count, "term id \(id) outside the vocabulary") }
    }

    let answer = answerer.answer(question)
    check(answer.question == question, "the answer names another question")
    check(answer.confidence.isFinite && (0...1).contains(answer.confidence), "confidence \(answer.confidence)")
    check(!answer.text.isEmpty, "empty answer text")
    check(answer.abstained || !answer.citations.isEmpty, "an answer without citations")
    for citation in answer.ranking {
        check(quotable.contains(citation.text), "citation \(citation.text.debugDescription) is not a corpus sentence")
        check(citation.score.isFinite, "citation score \(citation.score)")
    }
    return 0
}

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
}
