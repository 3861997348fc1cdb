import Synchronization

/// What a saved index keeps beyond ``CorpusIndex`` so that its documents can be merged
/// again later without re-reading them: the analysis of each document, in global ids.
struct IndexSegments: Sendable, Equatable {
    /// Term strings by global id (the vocabulary's order).
    var terms = ByteStringTable()
    /// Surface words by global surface id, with their term and corpus-wide count.
    var surfaces = ByteStringTable()
    var surfaceTerms: [Int32] = []
    var surfaceCounts: [Int] = []
    /// Occurrences of each entry of ``CorpusIndex/sentenceVectors`` (aligned with its columns).
    var sentenceCounts: [Int32] = []
    /// Document d's distinct terms in order of first occurrence:
    /// `documentTerms[documentTermOffsets[d]..<documentTermOffsets[d + 1]]`.
    var documentTermOffsets: [Int] = [0]
    var documentTerms: [Int32] = []
    /// Document d's surface words with their counts in d, laid out the same way.
    var documentSurfaceOffsets: [Int] = [0]
    var documentSurfaces: [Int32] = []
    var documentSurfaceCounts: [Int32] = []
}

/// Merges document analyses into a weighted ``CorpusIndex``.
///
/// Terms are numbered in order of first occurrence over the documents in order, exactly
/// as one pass over the whole corpus would; rows, passages, vectors and postings are
/// then computed in independent chunks, on several cores when `workers` > 1, with the
/// same arithmetic in the same order, so the result never depends on `workers`.
struct IndexAssembler {
    var options: IndexOptions
    var workers: Int
    /// Checked between stages: each is a pass over the corpus's entries, short beside analysis.
    var cancellation: CancellationToken? = nil

    /// - Parameter analyses: consumed: they are the largest thing held while merging, so
    ///   they are freed as soon as the sentence rows are made from them.
    /// - Complexity: O(total entries · log(entries per row)).
    func assemble(
        _ documents: [Document], _ analyses: consuming [DocumentAnalysis], pools: [TermPool]
    ) throws -> (index: CorpusIndex, segments: IndexSegments) {
        var segments = IndexSegments()
        try cancellation.checkCancellation()
        let termMaps = numberWords(analyses, pools: pools, into: &segments)
        try cancellation.checkCancellation()
        let termCount = segments.terms.count
        let tables = Self.tables(&analyses, passageSentences: options.passageSentences)
        FreedMemory.returnToSystem()
        let sentenceRows = rows(of: analyses, termMaps: termMaps)
        FreedMemory.returnToSystem()
        let sentenceCount = tables.sentences.count
        guard !sentenceRows.columns.isEmpty else {
            throw CorpusError.noIndexableText(documents.map(\.source))
        }
        try cancellation.checkCancellation()
        let passageStarts = tables.passageStarts
        // Only passages with a citable sentence can give an answer, so only they are found.
        let statement = SentenceRole.statement.code
        let posts = (0..<passageStarts.count - 1).map { p in
            tables.sentences[passageStarts[p]..<passageStarts[p + 1]].contains { $0.role == statement }
        }
        let (postings, passageIDF) = PassagePostings.build(
            sentenceRows: sentenceRows, passageStarts: passageStarts, posts: posts, termCount: termCount, workers: workers)
        try cancellation.checkCancellation()
        let sentenceFrequency = sentenceRows.documentFrequency(termCount: termCount)
        let sentenceIDF = sentenceFrequency.map {
            Float(TfIdfWeighting.idf(documentFrequency: Int($0), unitCount: sentenceCount))
        }
        let sentenceVectors = sentenceRows.weighted(idf: sentenceIDF, workers: workers)
        try cancellation.checkCancellation()
        segments.sentenceCounts = sentenceRows.counts

        var vocabulary = Vocabulary()
        vocabulary.load(terms: segments.terms, surfaces: segments.surfaces,
                        surfaceTerms: segments.surfaceTerms, surfaceCounts: segments.surfaceCounts)
        let sentenceRecords = Column(tables.sentences)
        let index = CorpusIndex(
            documents: DocumentList(documents), sentences: SentenceList(records: sentenceRecords),
            paragraphs: ParagraphList(records: Column(tables.paragraphs)), passages: PassageList(starts: Column(passageStarts), sentences: sentenceRecords),
            passageOfSentence: Column(tables.passageOfSentence), paragraphOfSentence: Column(tables.paragraphOfSentence),
            vocabulary: vocabulary, sentenceVectors: sentenceVectors,
            passagePostings: postings, sentenceIDF: sentenceIDF, passageIDF: passageIDF,
            sentenceFrequency: sentenceFrequency, options: options)
        return (index, segments)
    }

    /// The sentence, paragraph and passage tables of the merged documents, in their
    /// stored form, each allocated once at its final size.
    ///
    /// Takes the sentences and paragraphs out of `analyses` (leaving them empty) as it goes,
    /// so that they and the tables made from them are not held at once.
    static func tables(_ analyses: inout [DocumentAnalysis], passageSentences: Int) -> MergedTables {
        var tables = MergedTables()
        var sentenceTotal = 0
        var paragraphTotal = 0
        var passageTotal = 0
        for analysis in analyses {
            sentenceTotal += analysis.sentences.count
            paragraphTotal += analysis.paragraphs.count
            for paragraph in analysis.paragraphs {
                passageTotal += (paragraph.sentences.count + passageSentences - 1) / passageSentences
            }
        }
        tables.sentences.reserveCapacity(sentenceTotal)
        tables.paragraphs.reserveCapacity(paragraphTotal)
        tables.passageStarts.reserveCapacity(passageTotal + 1)
        tables.passageOfSentence.reserveCapacity(sentenceTotal)
        tables.paragraphOfSentence.reserveCapacity(sentenceTotal)
        // Sentences taken out since the freed memory was last returned.
        var taken = 0
        for documentIndex in analyses.indices {
            let analysis = analyses[documentIndex]
            analyses[documentIndex].sentences = []
            analyses[documentIndex].paragraphs = []
            taken += analysis.sentences.count
            if taken >= Self.sentencesBetweenReturns {
                // The tables fill while the analyses empty: hand back what they freed as
                // it goes, or both would be resident at the end.
                FreedMemory.returnToSystem()
                taken = 0
            }
            let base = tables.sentences.count
            for sentence in analysis.sentences {
                var record = SentenceRecord(sentence)
                record.document = Int32(documentIndex)
                tables.sentences.append(record)
            }
            for var paragraph in analysis.paragraphs {
                paragraph.document = documentIndex
                paragraph.sentences = (paragraph.sentences.lowerBound + base)..<(paragraph.sentences.upperBound + base)
                let paragraphIndex = Int32(tables.paragraphs.count)
                tables.paragraphs.append(ParagraphRecord(paragraph))
                var start = paragraph.sentences.lowerBound
                while start < paragraph.sentences.upperBound {
                    let end = min(start + passageSentences, paragraph.sentences.upperBound)
                    for _ in start..<end {
                        tables.passageOfSentence.append(Int32(tables.passageStarts.count - 1))
                        tables.paragraphOfSentence.append(paragraphIndex)
                    }
                    tables.passageStarts.append(end)
                    start = end
                }
            }
        }
        return tables
    }

    /// How many sentences ``tables(_:passageSentences:)`` takes out of the analyses between
    /// returns of freed memory: about 10 MB of them, so that a return costs little beside
    /// the copying.
    static let sentencesBetweenReturns = 1 << 17

    /// Sentence rows in global term ids, sorted by term.
    ///
    /// Each chunk of analyses is handed to the worker that makes its rows, and freed and
    /// returned to the system once they are made, so the analyses shrink while the rows grow.
    private func rows(of analyses: consuming [DocumentAnalysis], termMaps: [[Int32]]) -> CountRows {
        let documentChunks = ParallelChunks.ranges(analyses.count, pieces: workers > 1 ? workers * 4 : 1)
        let chunks = Mutex<[[DocumentAnalysis]?]>(documentChunks.map { Array(analyses[$0]) })
        analyses = []
        return CountRows.concatenate(ParallelChunks.map(documentChunks.count, workers: workers) { c in
            let rows = Self.rows(of: chunks.withLock { $0[c].take() } ?? [], termMaps: termMaps)
            // The chunk taken above is freed by now.
            FreedMemory.returnToSystem()
            return rows
        })
    }

    /// The rows of `analyses`, one after another.
    private static func rows(of analyses: [DocumentAnalysis], termMaps: [[Int32]]) -> CountRows {
        var rows = CountRows()
        for analysis in analyses {
            let map = termMaps[analysis.pool]
            // One row a sentence (the sentences themselves are gone into the tables).
            for j in 0..<(analysis.rowOffsets.count - 1) {
                let start = rows.columns.count
                for k in analysis.rowOffsets[j]..<analysis.rowOffsets[j + 1] {
                    rows.columns.append(map[Int(analysis.rowTerms[k])])
                    rows.counts.append(analysis.rowCounts[k])
                }
                rows.sortRow(from: start)
                rows.offsets.append(rows.columns.count)
            }
        }
        return rows
    }

    /// Gives every term and surface word its global id, in order of first occurrence, and
    /// records each document's terms and surfaces; returns each pool's term → global id map.
    private func numberWords(
        _ analyses: [DocumentAnalysis], pools: [TermPool], into segments: inout IndexSegments
    ) -> [[Int32]] {
        var termMaps = pools.map { [Int32](repeating: -1, count: $0.terms.count) }
        var surfaceMaps = pools.map { [Int32](repeating: -1, count: $0.surfaces.count) }
        for analysis in analyses {
            let p = analysis.pool
            let pool = pools[p]
            pool.terms.bytes.withUnsafeBufferPointer { arena in
                for term in analysis.termOrder {
                    var id = termMaps[p][Int(term)]
                    if id < 0 {
                        id = segments.terms.insert(UnsafeBufferPointer(rebasing: arena[pool.terms.range(of: Int(term))])).id
                        termMaps[p][Int(term)] = id
                    }
                    segments.documentTerms.append(id)
                }
            }
            segments.documentTermOffsets.append(segments.documentTerms.count)
            pool.surfaces.bytes.withUnsafeBufferPointer { arena in
                for (surface, count) in zip(analysis.surfaces, analysis.surfaceCounts) {
                    var id = surfaceMaps[p][Int(surface)]
                    if id < 0 {
                        let inserted: Bool
                        (id, inserted) = segments.surfaces.insert(
                            UnsafeBufferPointer(rebasing: arena[pool.surfaces.range(of: Int(surface))]))
                        if inserted {
                            segments.surfaceTerms.append(termMaps[p][Int(pool.surfaceTerm[Int(surface)])])
                            segments.surfaceCounts.append(0)
                        }
                        surfaceMaps[p][Int(surface)] = id
                    }
                    segments.surfaceCounts[Int(id)] += Int(count)
                    segments.documentSurfaces.append(id)
                    segments.documentSurfaceCounts.append(count)
                }
            }
            segments.documentSurfaceOffsets.append(segments.documentSurfaces.count)
        }
        return termMaps
    }
}

/// Rows of (term, count) pairs, sorted by term within each row.
struct CountRows: Sendable {
    var offsets: [Int] = [0]
    var columns: [Int32] = []
    var counts: [Int32] = []

    var count: Int { offsets.count - 1 }

    /// Sorts the entries from `start` to the end by term (rows are short: insertion sort).
    mutating func sortRow(from start: Int) {
        let end = columns.count
        guard end - start > 1 else { return }
        for i in (start + 1)..<end {
            let column = columns[i], value = counts[i]
            var j = i
            while j > start, columns[j - 1] > column {
                columns[j] = columns[j - 1]
                counts[j] = counts[j - 1]
                j -= 1
            }
            columns[j] = column
            counts[j] = value
        }
    }

    /// The parts' rows one after another; each part is freed once copied, so the parts and
    /// the result are never all held at once.
    static func concatenate(_ parts: consuming [CountRows]) -> CountRows {
        var result = CountRows()
        result.columns.reserveCapacity(parts.reduce(0) { $0 + $1.columns.count })
        result.counts.reserveCapacity(result.columns.capacity)
        result.offsets.reserveCapacity(parts.reduce(1) { $0 + $1.count })
        for i in parts.indices {
            let base = result.columns.count
            result.columns.append(contentsOf: parts[i].columns)
            result.counts.append(contentsOf: parts[i].counts)
            for offset in parts[i].offsets.dropFirst() { result.offsets.append(offset + base) }
            parts[i] = CountRows()
        }
        FreedMemory.returnToSystem()
        return result
    }

    /// How many rows contain each term.
    func documentFrequency(termCount: Int) -> [Int32] {
        var frequency = [Int32](repeating: 0, count: termCount)
        for column in columns { frequency[Int(column)] += 1 }
        return frequency
    }

    /// L2-normalised TF-IDF rows: w = (1 + ln c) · idf, divided by the row's norm.
    ///
    /// Chunks of rows are weighted on `workers` threads straight into the one array of
    /// values (disjoint ranges of it), so no chunk's values are ever held twice.
    func weighted(idf: [Float], workers: Int) -> SparseRows {
        let chunks = ParallelChunks.ranges(count, pieces: workers > 1 ? workers * 4 : 1)
        let tf = (0..<256).map { Float(TfIdfWeighting.tf($0)) }
        var values = [Float](repeating: 0, count: columns.count)
        values.withUnsafeMutableBufferPointer { buffer in
            // The address goes to the workers as an integer: nothing else touches the array meanwhile.
            let address = UInt(bitPattern: buffer.baseAddress)
            _ = ParallelChunks.map(chunks.count, workers: workers) { c -> Bool in
                guard let values = UnsafeMutablePointer<Float>(bitPattern: address) else { return false }
                for r in chunks[c] {
                    var norm: Float = 0
                    for i in offsets[r]..<offsets[r + 1] {
                        let count = Int(counts[i])
                        let weight = (count < 256 ? tf[count] : Float(TfIdfWeighting.tf(count))) * idf[Int(columns[i])]
                        values[i] = weight
                        norm += weight * weight
                    }
                    let length = norm.squareRoot()
                    if length > 0 {
                        for i in offsets[r]..<offsets[r + 1] { values[i] /= length }
                    }
                }
                return true
            }
        }
        return SparseRows(offsets: offsets, columns: columns, values: values)
    }
}
