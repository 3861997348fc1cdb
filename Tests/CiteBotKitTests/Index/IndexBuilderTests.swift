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

    /// A passage holds one sentence at least: a size of 0 or less reads as 1 rather than
    /// dividing by zero while sizing the passage table (or looping forever, as it once did),
    /// and a saved index keeps a size its reader accepts.
    @Test(arguments: [0, -3])
    func aPassageSizeBelowOneReadsAsOne(size: Int) throws {
        var options = IndexOptions(passageSentences: size)
        #expect(options.passageSentences == 1)
        options.passageSentences = size
        #expect(options.passageSentences == 1)
        let index = try Fixtures.index(["One here. Two here."], options: IndexOptions(passageSentences: size))
        #expect(Array(index.passages) == [0..<1, 1..<2])
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

/// The assembler's merged tables, made straight in their stored form.
@Suite struct MergedTablesTests {
    /// A document of two paragraphs, of `first` and `second` sentences, each sentence 10 bytes.
    static func analysis(_ first: Int, _ second: Int) -> DocumentAnalysis {
        var analysis = DocumentAnalysis(pool: 0)
        analysis.sentences = (0..<(first + second)).map { s in
            Sentence(document: 0, paragraph: s < first ? 1 : 2, number: s < first ? s + 1 : s - first + 1,
                     range: (10 * s)..<(10 * s + 9), role: .statement)
        }
        analysis.rowOffsets = Array(0...(first + second))
        analysis.paragraphs = [
            Paragraph(document: 0, number: 1, range: 0..<(10 * first), sentences: 0..<first),
            Paragraph(document: 0, number: 2, range: (10 * first)..<(10 * (first + second)), sentences: first..<(first + second)),
        ]
        return analysis
    }

    @Test func cutsParagraphsIntoPassagesAndNumbersAcrossDocuments() {
        // Passages of at most 2 sentences: 5 → 2+2+1, 1 → 1; then 2 → 2, 3 → 2+1.
        var analyses = [Self.analysis(5, 1), Self.analysis(2, 3)]
        let tables = IndexAssembler.tables(&analyses, passageSentences: 2)
        #expect(tables.passageStarts == [0, 2, 4, 5, 6, 8, 10, 11])
        #expect(tables.passageOfSentence == [0, 0, 1, 1, 2, 3, 4, 4, 5, 5, 6])
        #expect(tables.paragraphOfSentence == [0, 0, 0, 0, 0, 1, 2, 2, 3, 3, 3])
        #expect(tables.sentences.map(\.document) == [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
        #expect(tables.sentences[6].start == 0 && tables.sentences[6].end == 9)
        #expect(tables.paragraphs.map(\.document) == [0, 0, 1, 1])
        #expect(tables.paragraphs.map(\.firstSentence) == [0, 5, 6, 8])
        #expect(tables.paragraphs.map(\.endSentence) == [5, 6, 8, 11])
        // Their sentences and paragraphs moved into the tables; the rows stay for merging.
        #expect(analyses.allSatisfy { $0.sentences.isEmpty && $0.paragraphs.isEmpty })
        #expect(analyses.map(\.rowOffsets.count) == [7, 6])
    }

    @Test func concatenatesRowsRenumberingTheirOffsets() {
        var a = CountRows()
        a.columns = [1, 4, 2]
        a.counts = [1, 1, 3]
        a.offsets = [0, 2, 3]
        var b = CountRows()
        b.columns = [0]
        b.counts = [5]
        b.offsets = [0, 0, 1]
        let joined = CountRows.concatenate([a, CountRows(), b])
        #expect(joined.offsets == [0, 2, 3, 3, 4])
        #expect(joined.columns == [1, 4, 2, 0])
        #expect(joined.counts == [1, 1, 3, 5])
    }
}
