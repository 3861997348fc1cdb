/// Builds a ``CorpusIndex`` from documents.
public struct IndexBuilder: Sendable {
    public var options: IndexOptions
    public var splitter: SentenceSplitter
    public let analyzer: Analyzer

    public init(analyzer: Analyzer, splitter: SentenceSplitter = SentenceSplitter(), options: IndexOptions = IndexOptions()) {
        self.analyzer = analyzer
        self.splitter = splitter
        self.options = options
    }

    /// Segments, analyses and weights every document.
    ///
    /// - Throws: ``CorpusError/noIndexableText(_:)`` when no sentence has a single term.
    /// - Complexity: O(total text length).
    public func build(_ documents: [Document]) throws -> CorpusIndex {
        var sentences: [Sentence] = []
        var paragraphs: [Paragraph] = []
        var passages: [Range<Int>] = []
        var passageOfSentence: [Int32] = []
        var paragraphOfSentence: [Int32] = []
        var vocabulary = Vocabulary()
        var sentenceTerms: [[Int32]] = []  // term ids with repeats, per sentence

        for (documentIndex, document) in documents.enumerated() {
            let segmentation = splitter.split(document.text, document: documentIndex)
            let utf8 = document.text.utf8
            let base = sentences.count
            for var paragraph in segmentation.paragraphs {
                paragraph.sentences = (paragraph.sentences.lowerBound + base)..<(paragraph.sentences.upperBound + base)
                let paragraphIndex = Int32(paragraphs.count)
                paragraphs.append(paragraph)
                var start = paragraph.sentences.lowerBound
                while start < paragraph.sentences.upperBound {
                    let end = min(start + options.passageSentences, paragraph.sentences.upperBound)
                    for _ in start..<end {
                        passageOfSentence.append(Int32(passages.count))
                        paragraphOfSentence.append(paragraphIndex)
                    }
                    passages.append(start..<end)
                    start = end
                }
            }
            for sentence in segmentation.sentences {
                let start = utf8.index(utf8.startIndex, offsetBy: sentence.range.lowerBound)
                let end = utf8.index(start, offsetBy: sentence.range.count)
                let text = Substring(utf8[start..<end])
                let ids = analyzer.terms(in: text).map { vocabulary.add(term: $0.term, surface: $0.surface) }
                sentenceTerms.append(ids)
                sentences.append(sentence)
            }
        }
        guard sentenceTerms.contains(where: { !$0.isEmpty }) else {
            throw CorpusError.noIndexableText(documents.map(\.source))
        }

        let termCount = vocabulary.count
        let sentenceCounts = sentenceTerms.map(Self.counts)
        let passageCounts = passages.map { passage in
            Self.merge(passage.map { sentenceCounts[$0] })
        }
        let sentenceFrequency = Self.documentFrequency(sentenceCounts, termCount: termCount)
        let passageFrequency = Self.documentFrequency(passageCounts, termCount: termCount)
        let sentenceIDF = sentenceFrequency.map {
            Float(TfIdfWeighting.idf(documentFrequency: Int($0), unitCount: sentences.count))
        }
        let passageIDF = passageFrequency.map {
            Float(TfIdfWeighting.idf(documentFrequency: Int($0), unitCount: passages.count))
        }
        let sentenceVectors = Self.vectors(sentenceCounts, idf: sentenceIDF)
        let passageVectors = Self.vectors(passageCounts, idf: passageIDF)
        let postings = Self.transpose(passageVectors, columnCount: termCount)

        return CorpusIndex(
            documents: documents, sentences: sentences, paragraphs: paragraphs, passages: passages,
            passageOfSentence: passageOfSentence, paragraphOfSentence: paragraphOfSentence,
            vocabulary: vocabulary, sentenceVectors: sentenceVectors, passageVectors: passageVectors,
            passagePostings: postings, sentenceIDF: sentenceIDF, passageIDF: passageIDF,
            sentenceFrequency: sentenceFrequency, options: options)
    }

    /// (term, count) pairs sorted by term.
    static func counts(_ ids: [Int32]) -> [(Int32, Int)] {
        var result: [(Int32, Int)] = []
        for id in ids.sorted() {
            if let last = result.last, last.0 == id {
                result[result.count - 1].1 += 1
            } else {
                result.append((id, 1))
            }
        }
        return result
    }

    static func merge(_ rows: [[(Int32, Int)]]) -> [(Int32, Int)] {
        var total: [Int32: Int] = [:]
        for row in rows { for (id, count) in row { total[id, default: 0] += count } }
        return total.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    static func documentFrequency(_ rows: [[(Int32, Int)]], termCount: Int) -> [Int32] {
        var frequency = [Int32](repeating: 0, count: termCount)
        for row in rows { for (id, _) in row { frequency[Int(id)] += 1 } }
        return frequency
    }

    static func vectors(_ rows: [[(Int32, Int)]], idf: [Float]) -> SparseRows {
        var matrix = SparseRows()
        for row in rows {
            var weights = row.map { (id, count) in Float(TfIdfWeighting.tf(count)) * idf[Int(id)] }
            let norm = weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { weights = weights.map { $0 / norm } }
            matrix.append(row: zip(row.map(\.0), weights))
        }
        return matrix
    }

    /// Postings: for each term, the rows containing it with their weights, rows ascending.
    static func transpose(_ matrix: SparseRows, columnCount: Int) -> SparseRows {
        var counts = [Int](repeating: 0, count: columnCount + 1)
        for column in matrix.columns { counts[Int(column) + 1] += 1 }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        var cursor = counts
        var rows = [Int32](repeating: 0, count: matrix.columns.count)
        var values = [Float](repeating: 0, count: matrix.columns.count)
        for r in 0..<matrix.count {
            for i in matrix.row(r) {
                let column = Int(matrix.columns[i])
                rows[cursor[column]] = Int32(r)
                values[cursor[column]] = matrix.values[i]
                cursor[column] += 1
            }
        }
        return SparseRows(offsets: counts, columns: rows, values: values)
    }
}
