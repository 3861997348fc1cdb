import Testing
import PropertyBased
@testable import CiteBotKit

/// Citations are verbatim: whatever the documents, every sentence and every citation
/// of an answer is the document's text at the sentence's byte range.
@Suite struct CitationProperties {
    static func corpus() -> Generator<[String], some SendableSequenceType> {
        HostileText.text(pieces: 80).array(of: 1...3)
    }

    @Test func everySentenceRangeSlicesToItsText() async throws {
        await propertyCheck(count: 150, input: Self.corpus()) { texts in
            guard let index = try? Fixtures.index(texts) else { return }  // no indexable text
            for (position, sentence) in index.sentences.enumerated() {
                let source = Array(index.documents[sentence.document].text.utf8)
                #expect(Array(index.text(ofSentence: position).utf8) == Array(source[sentence.range]),
                        "sentence \(position) ¶\(sentence.paragraph).\(sentence.number) is not its source range")
            }
        }
    }

    @Test func citationsQuoteTheSourceAtTheirSentenceRange() async throws {
        let questions = Gen.int(in: 0..<HostileText.words.count).array(of: 1...6).map { indices in
            indices.map { HostileText.words[$0] }.joined(separator: " ") + "?"
        }
        await propertyCheck(count: 150, input: Self.corpus(), questions) { texts, question in
            guard let index = try? Fixtures.index(texts) else { return }
            let answerer = Answerer(index: index, analyzer: Fixtures.analyzer, options: AnswerOptions(topK: 3, minScore: 0))
            let answer = answerer.answer(question)
            for citation in answer.ranking {
                let matches = index.sentences.filter {
                    index.documents[$0.document].source == citation.source
                        && $0.paragraph == citation.paragraph && $0.number == citation.sentence
                }
                guard matches.count == 1, let sentence = matches.first else {
                    Issue.record("citation \(citation.source) ¶\(citation.paragraph).\(citation.sentence) names \(matches.count) sentences")
                    continue
                }
                let source = Array(index.documents[sentence.document].text.utf8)
                #expect(Array(citation.text.utf8) == Array(source[sentence.range]),
                        "\(question): citation \(citation.text.debugDescription) is not the text at \(sentence.range)")
                #expect(sentence.isCitable || answer.abstained || citation != answer.citations.first,
                        "\(question): cites a \(sentence.role) sentence")
            }
        }
    }
}
