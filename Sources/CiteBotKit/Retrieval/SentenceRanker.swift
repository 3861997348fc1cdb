/// A citable sentence scored against a question.
public struct RankedSentence: Sendable, Hashable {
    /// Index into ``CorpusIndex/sentences``.
    public var sentence: Int
    /// The ranking score; see ``SentenceRanker``.
    public var score: Double
    /// Cosine of the question with the sentence.
    public var sentenceCosine: Double
    /// Cosine of the question with the sentence's passage.
    public var passageCosine: Double
    /// Share of the question's weight the sentence (fully) or its passage (half) matches.
    public var coverage: Double
    /// The sentence ``coverage`` was measured on, when it is not ``sentence``: a sentence
    /// that only names what the one before it describes stands for that one, and a "why"
    /// question's claim for the sentence after it that gives the reason, each keeping its
    /// own coverage (see ``Answerer``).
    public var measuredOn: Int? = nil
}

/// Finds the sentences that best match a question: passages first, then the
/// sentences inside the best passages.
///
/// For a question q, a sentence s and its passage p (cosines of L2-normalised TF-IDF vectors):
///
///     score(s) = a · cos(q, s) + b · cos(q, p) + c · Σ_{t ∈ q ∩ s} w_t / Σ_{t ∈ q} w_t + d · cos(q, h)
///
/// with a, b, c, d = ``RankingOptions/sentenceWeight``, ``RankingOptions/passageWeight``,
/// ``RankingOptions/coverageWeight`` and ``RankingOptions/headingWeight``, h the title the
/// sentence stands under (``title(before:)``: a section heading, or an FAQ entry's question;
/// for a list item or an indented quotation, the sentence ending with a colon that introduces
/// it, ``Sentence/leadInDistance``), which often names what the sentences below it only
/// imply, and w_t the question term's sentence-level idf,
/// unknown words included at the largest idf. The last part, IDF-aware coverage, favours
/// the sentence that matches more of what the question is specifically about over one that
/// repeats a frequent word many times. Its coverage, the basis of confidence, is
///
///     coverage(s) = (Σ_{t ∈ q ∩ s} w_t + ½ Σ_{t ∈ q ∩ ((p ∪ h)∖s)} w_t) / Σ_{t ∈ q} w_t
///
/// so a sentence that matches only the common words of a question covers little of it.
/// Ties break by source order (lower sentence index first).
public struct SentenceRanker: Sendable {
    public let index: CorpusIndex
    public var options: RankingOptions

    public init(index: CorpusIndex, options: RankingOptions = RankingOptions()) {
        self.index = index
        self.options = options
    }

    /// How far back, in sentences, the heading a sentence stands under is looked for.
    static let headingLookback = 256

    /// Whether sentence `s` titles what follows it: a heading line, or a question that is
    /// its paragraph's only sentence (an FAQ entry's title).
    func isTitle(_ s: Int) -> Bool {
        let records = index.sentences.records
        let record = records[s]
        if record.role == SentenceRole.heading.code { return true }
        guard record.role == SentenceRole.question.code, record.number == 1 else { return false }
        return s + 1 == records.count || records[s + 1].paragraph != record.paragraph
            || records[s + 1].document != record.document
    }

    /// The nearest title (``isTitle(_:)``) before sentence `s` in its document, within
    /// ``headingLookback`` sentences.
    ///
    /// - Complexity: O(``headingLookback``).
    func title(before s: Int) -> Int? {
        let records = index.sentences.records
        let document = records[s].document
        var t = s - 1
        while t >= 0, s - t <= Self.headingLookback, records[t].document == document {
            if isTitle(t) { return t }
            t -= 1
        }
        return nil
    }

    /// The best citable sentences for `query`, best first.
    ///
    /// - Complexity: O(postings of the query's terms + sentences in the best passages).
    public func rank(_ query: Query, limit: Int) -> [RankedSentence] {
        rank(query, limit: limit, cancellation: nil)
    }

    /// ``rank(_:limit:)``, checking `cancellation` during retrieval and before each candidate
    /// passage; once it is cancelled the result is incomplete and the caller must throw it away.
    func rank(_ query: Query, limit: Int, cancellation: CancellationToken?) -> [RankedSentence] {
        let vector = query.vector
        guard !vector.isEmpty, limit > 0 else { return [] }
        let passages = PassageRetriever(index: index)
            .top(vector, limit: options.candidatePassages, collapsingCopies: options.collapsesCopies,
                 cancellation: cancellation)
        let total = query.totalWeight
        let norm = vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        let columns = index.sentenceVectors.columns
        let values = index.sentenceVectors.values
        // Where each question term and each of its synonyms sits in `vector` (the vector holds
        // them all), so that coverage reads the matches the cosine loop already found.
        let termSlots = query.terms.map { term in term.id.flatMap { id in vector.firstIndex { $0.id == id } } }
        let synonymSlots = query.terms.map { term in term.synonyms.compactMap { id in vector.firstIndex { $0.id == id } } }
        // The terms' weights and ids on their own: the loop below runs for every candidate
        // sentence, and reading them from the terms would copy each term (strings and all).
        let termWeights = query.terms.map(\.weight)
        let termIDs = query.terms.map(\.id)
        let titles = options.headingWeight > 0
            ? index.passageTitles.titles(of: passages.map(\.passage), passageCount: index.passages.count) { passage in
                index.passages[passage].first.flatMap { self.title(before: $0) }
            }
            : []

        var ranked: [RankedSentence] = []
        ranked.reserveCapacity(passages.count * index.options.passageSentences + Self.warm(passages.map(\.passage), in: index))
        // Per vector entry: whether the current sentence has it, and whether the current title has it.
        var inSentence = [Bool](repeating: false, count: vector.count)
        var inTitle = [Bool](repeating: false, count: vector.count)
        // Per question term, whether the current passage has it: 1 yes, 0 no, -1 not looked up yet
        // (a binary search over the term's postings, so done at most once per passage).
        var inPassage = [Int8](repeating: -1, count: query.terms.count)
        // The title whose cosine and matches `inTitle` and `titleCosine` hold: consecutive
        // sentences mostly stand under the same one.
        var measuredTitle: Int?? = .none
        var titleCosine = 0.0
        for (rank, (passage, passageCosine)) in passages.enumerated() {
            if cancellation.isCancelled { return [] }
            let sentences = index.passages[passage]
            var title = options.headingWeight > 0 ? titles[rank] : nil
            for k in inPassage.indices { inPassage[k] = -1 }
            for s in sentences {
                if options.headingWeight > 0, isTitle(s) { title = s }
                guard index.sentences.isCitable(s) else { continue }
                let sentenceRow = index.sentenceVectors.row(s)
                var cosine = 0.0
                for (j, (id, weight)) in vector.enumerated() {
                    if let position = Self.find(id, in: columns, sentenceRow) {
                        inSentence[j] = true
                        cosine += weight / norm * Double(values[position])
                    } else {
                        inSentence[j] = false
                    }
                }
                guard cosine > 0 || passageCosine > 0 else { continue }
                let under = options.headingWeight > 0
                    ? ((options.readsLeadIns ? index.sentences.leadIn(of: s) : nil) ?? title) : nil
                if measuredTitle != .some(under) {
                    measuredTitle = .some(under)
                    let headingRow = under.map { index.sentenceVectors.row($0) } ?? 0..<0
                    titleCosine = 0
                    for (j, (id, weight)) in vector.enumerated() {
                        inTitle[j] = false
                        guard !headingRow.isEmpty, let position = Self.find(id, in: columns, headingRow) else { continue }
                        inTitle[j] = true
                        titleCosine += weight / norm * Double(values[position])
                    }
                }
                let headingCosine = titleCosine
                // Coverage: each question term counts once, fully when the sentence has it,
                // at the synonym share when it has a synonym, at half when only the passage does.
                var matched = 0.0
                var context = 0.0
                for k in termWeights.indices {
                    if let slot = termSlots[k], inSentence[slot] {
                        matched += termWeights[k]
                    } else if synonymSlots[k].contains(where: { inSentence[$0] }) {
                        matched += query.synonymShare * termWeights[k]
                    } else if let slot = termSlots[k], let id = termIDs[k] {
                        if inPassage[k] < 0 { inPassage[k] = index.passage(passage, contains: id) ? 1 : 0 }
                        if inPassage[k] == 1 || inTitle[slot] { context += termWeights[k] }
                    }
                }
                let sentenceCoverage = total > 0 ? matched / total : 0
                ranked.append(RankedSentence(
                    sentence: s,
                    score: options.sentenceWeight * cosine + options.passageWeight * passageCosine
                        + options.coverageWeight * sentenceCoverage + options.headingWeight * headingCosine,
                    sentenceCosine: cosine, passageCosine: passageCosine,
                    coverage: total > 0 ? (matched + 0.5 * context) / total : 0))
            }
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.sentence < $1.sentence }
        return Array(ranked.prefix(limit))
    }

    /// Reads a little of each passage's sentence records and vector rows, passage after
    /// passage, before they are scored; returns 0 (the value only keeps the reads).
    ///
    /// The candidates lie scattered over the index, so the scoring loop would wait on a
    /// cache miss at each passage's records, offsets and rows in turn. Here each stage's
    /// reads do not depend on one another, so the processor overlaps their misses, and
    /// scoring then finds the lines in cache.
    ///
    /// - Complexity: O(sentences of `passages`).
    static func warm(_ passages: [Int], in index: CorpusIndex) -> Int {
        var sink = 0
        let ranges = passages.map { index.passages[$0] }
        index.sentences.records.withUnsafeBufferPointer { records in
            index.sentenceVectors.offsets.withUnsafeBufferPointer { offsets in
                for range in ranges {
                    for s in range { sink &+= Int(records[s].role) &+ offsets[s] }
                }
            }
        }
        index.sentenceVectors.offsets.withUnsafeBufferPointer { offsets in
            index.sentenceVectors.columns.withUnsafeBufferPointer { columns in
                index.sentenceVectors.values.withUnsafeBufferPointer { values in
                    for range in ranges {
                        for s in range where offsets[s] < offsets[s + 1] {
                            sink &+= Int(columns[offsets[s]]) &+ Int(values[offsets[s]].bitPattern)
                        }
                    }
                }
            }
        }
        return sink & 0x1
    }

    static func find(_ id: Int32, in columns: Column<Int32>, _ range: Range<Int>) -> Int? {
        // Rows are sorted by column and short: binary search.
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if columns[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < range.upperBound && columns[low] == id ? low : nil
    }
}

/// Knobs of ``SentenceRanker``; see its formula.
public struct RankingOptions: Sendable, Equatable {
    /// Weight of the sentence's own cosine with the question.
    public var sentenceWeight: Double
    /// Weight of the cosine of the sentence's passage with the question.
    public var passageWeight: Double
    /// Weight of the share of the question's idf weight that the sentence matches.
    public var coverageWeight: Double
    /// How many of the best passages are searched for sentences.
    public var candidatePassages: Int
    /// Weight of the cosine of the question with the title the sentence stands under; the
    /// same as the passage's by default, since a title is context in the same way.
    public var headingWeight: Double
    /// Whether a passage that copies a better one (the same text, so the same score) is
    /// left out of the candidate passages, so that a corpus holding a document several
    /// times still offers ``candidatePassages`` distinct ones.
    public var collapsesCopies: Bool = true
    /// Whether a list item or an indented quotation stands under the sentence ending with a
    /// colon that introduces it (``Sentence/leadInDistance``) rather than under its section's
    /// title: "- rcN for a release candidate" under "Versions have a suffix:".
    public var readsLeadIns: Bool = true

    public init(
        sentenceWeight: Double = 0.6, passageWeight: Double = 0.4, coverageWeight: Double = 0.5,
        candidatePassages: Int = 100, headingWeight: Double = 0.4
    ) {
        self.headingWeight = headingWeight
        self.sentenceWeight = sentenceWeight
        self.passageWeight = passageWeight
        self.coverageWeight = coverageWeight
        self.candidatePassages = candidatePassages
    }
}
