import Testing
@testable import CiteBotKit

@Suite struct IndexBuilderTests {
    // Three one-sentence paragraphs; N = 3 sentences (and 3 passages).
    //   S1 "Cats chase mice."  terms cat, chase, mice
    //   S2 "Cats sleep."       terms cat, sleep
    //   S3 "Dogs chase cats."  terms dog, chase, cat
    // df: cat 3, chase 2, mice 1, sleep 1, dog 1.
    // idf = ln((1+N)/(1+df)) + 1: cat 1, chase ln(4/3)+1 = 1.287682, mice/sleep/dog ln(2)+1 = 1.693147.
    // S1 = (1, 1.287682, 1.693147) / 2.350505 = (0.425441, 0.547832, 0.720333)
    // S2 = (1, 1.693147) / 1.966405 = (0.508542, 0.861037)
    static let text = "Cats chase mice.\n\nCats sleep.\n\nDogs chase cats."

    func weight(_ index: CorpusIndex, sentence: Int, term: String) throws -> Float {
        let id = try #require(index.vocabulary.id(of: term))
        return index.sentenceVectors.value(row: sentence, column: id)
    }

    @Test func computesSmoothedIDF() throws {
        let index = try Fixtures.index([Self.text])
        let idf = { (term: String) -> Float in index.sentenceIDF[Int(index.vocabulary.id(of: term)!)] }
        #expect(abs(idf("cat") - 1) < 1e-5)
        #expect(abs(idf("chase") - 1.287682) < 1e-5)
        #expect(abs(idf("mice") - 1.693147) < 1e-5)
    }

    @Test func weightsAreSublinearAndL2Normalised() throws {
        let index = try Fixtures.index([Self.text])
        #expect(abs(try weight(index, sentence: 0, term: "cat") - 0.425441) < 1e-5)
        #expect(abs(try weight(index, sentence: 0, term: "chase") - 0.547832) < 1e-5)
        #expect(abs(try weight(index, sentence: 0, term: "mice") - 0.720333) < 1e-5)
        #expect(abs(try weight(index, sentence: 1, term: "sleep") - 0.861037) < 1e-5)
        for row in 0..<index.sentenceVectors.count {
            let norm = index.sentenceVectors.row(row).reduce(Float(0)) { $0 + index.sentenceVectors.values[$1] * index.sentenceVectors.values[$1] }
            #expect(abs(norm - 1) < 1e-5)
        }
    }

    @Test func repeatedTermUsesOnePlusLogCount() throws {
        // "Cats chase cats." : cat twice → tf 1 + ln 2 = 1.693147; chase once.
        // Only sentence: N = 1, df = 1 → idf = ln(2/2) + 1 = 1 for both.
        // vector (1.693147, 1) / 1.966405 = (0.861037, 0.508542)
        let index = try Fixtures.index(["Cats chase cats."])
        #expect(abs(try weight(index, sentence: 0, term: "cat") - 0.861037) < 1e-5)
        #expect(abs(try weight(index, sentence: 0, term: "chase") - 0.508542) < 1e-5)
    }

    @Test func postingsListEveryPassageOfATermInOrder() throws {
        let index = try Fixtures.index([Self.text])
        let chase = try #require(index.vocabulary.id(of: "chase"))
        let rows = index.passagePostings.row(Int(chase)).map { index.passagePostings.columns[$0] }
        #expect(rows == [0, 2])
    }

    @Test func longParagraphsAreCutIntoPassages() throws {
        let paragraph = (1...5).map { "Sentence number \($0) here." }.joined(separator: " ")
        let index = try Fixtures.index([paragraph], options: IndexOptions(passageSentences: 2))
        #expect(Array(index.passages) == [0..<2, 2..<4, 4..<5])
        #expect(Array(index.passageOfSentence) == [0, 0, 1, 1, 2])
    }

    @Test func sentencesAcrossDocumentsKeepTheirOwnNumbers() throws {
        let index = try Fixtures.index(["One here. Two here.", "Alpha here.\n\nBeta here."])
        #expect(index.sentences.map(\.document) == [0, 0, 1, 1])
        #expect(index.sentences.map(\.paragraph) == [1, 1, 1, 2])
        #expect(index.sentences.map(\.number) == [1, 2, 1, 1])
        #expect(index.text(ofSentence: 3) == "Beta here.")
        #expect(index.paragraphs[index.paragraphs.count - 1].sentences == 3..<4)
    }

    @Test func corpusWithoutWordsIsAnError() {
        #expect(throws: CorpusError.self) { try Fixtures.index(["...\n\n!!!", "   "]) }
    }
}
