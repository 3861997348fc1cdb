import Synchronization

/// Builds a ``CorpusIndex`` from documents.
///
/// Documents are segmented and analysed by `workers` threads, each with its own
/// ``DocumentIndexer`` (tokenizer scratch, lock-free stem cache), taking the next
/// document as they free up; the analyses are then merged in document order by
/// ``IndexAssembler``. The index is the same for any number of workers.
public struct IndexBuilder: Sendable {
    public var options: IndexOptions
    public var splitter: SentenceSplitter
    public let analyzer: Analyzer
    /// Threads to index with; defaults to the cores available.
    public var workers: Int

    public init(
        analyzer: Analyzer, splitter: SentenceSplitter = SentenceSplitter(), options: IndexOptions = IndexOptions(),
        workers: Int = IndexBuilder.defaultWorkers
    ) {
        self.analyzer = analyzer
        self.splitter = splitter
        self.options = options
        self.workers = max(1, workers)
    }

    /// The cores available to this process.
    public static var defaultWorkers: Int { ParallelChunks.availableCores }

    /// Segments, analyses and weights every document.
    ///
    /// - Parameter cancellation: checked before each document, every few thousand
    ///   sentences within one, and between the stages of merging.
    /// - Throws: ``CorpusError/noIndexableText(_:)`` when no sentence has a single term;
    ///   `CancellationError` when `cancellation` is cancelled before the index is complete.
    /// - Complexity: O(total text length).
    public func build(
        _ documents: [Document], progress: (@Sendable (IndexProgress) -> Void)? = nil,
        cancellation: CancellationToken? = nil
    ) throws -> CorpusIndex {
        try buildWithSegments(documents, progress: progress, cancellation: cancellation).index
    }

    /// Builds the index and the per-document data a saved index keeps.
    func buildWithSegments(
        _ documents: [Document], reusing reused: [Int: DocumentAnalysis] = [:], reusedPools: [TermPool] = [],
        progress: (@Sendable (IndexProgress) -> Void)? = nil, cancellation: CancellationToken? = nil
    ) throws -> (index: CorpusIndex, segments: IndexSegments) {
        let (analyses, pools) = try analyse(
            documents, reusing: reused, reusedPools: reusedPools, progress: progress, cancellation: cancellation)
        return try IndexAssembler(options: options, workers: workers, cancellation: cancellation)
            .assemble(documents, consume analyses, pools: pools)
    }

    /// Analyses every document not in `reused` (whose analyses refer to `reusedPools`).
    func analyse(
        _ documents: [Document], reusing reused: [Int: DocumentAnalysis], reusedPools: [TermPool],
        progress: (@Sendable (IndexProgress) -> Void)?, cancellation: CancellationToken? = nil
    ) throws -> (analyses: [DocumentAnalysis], pools: [TermPool]) {
        let pending = documents.indices.filter { reused[$0] == nil }
        let totalBytes = pending.reduce(0) { $0 + documents[$1].text.utf8.count }
        let done = Atomic<Int>(0)
        let doneBytes = Atomic<Int>(0)
        let threads = min(workers, max(1, pending.count))
        let base = reusedPools.count
        let splitter = self.splitter
        let analyzer = self.analyzer
        let work = ParallelChunks.map(threads, workers: threads) { worker -> (pool: TermPool, analyses: [(Int, DocumentAnalysis)])? in
            guard var indexer = DocumentIndexer(analyzer: analyzer, splitter: splitter, poolIndex: base + worker)
            else { return nil }
            var results: [(Int, DocumentAnalysis)] = []
            // Documents are dealt round-robin, so each worker gets a similar mix of sizes.
            var position = worker
            // A cancelled worker stops taking documents; the caller then throws, so the
            // analyses it leaves unfinished are never used.
            while position < pending.count, !cancellation.isCancelled {
                let d = pending[position]
                results.append((d, indexer.analyse(documents[d].text, cancellation: cancellation)))
                let files = done.wrappingAdd(1, ordering: .relaxed).newValue
                let bytes = doneBytes.wrappingAdd(documents[d].text.utf8.count, ordering: .relaxed).newValue
                progress?(IndexProgress(files: files, totalFiles: pending.count, bytes: bytes, totalBytes: totalBytes))
                position += threads
            }
            return (indexer.interner.pool(), results)
        }
        try cancellation.checkCancellation()
        var analyses = [DocumentAnalysis?](repeating: nil, count: documents.count)
        for (d, analysis) in reused { analyses[d] = analysis }
        var pools = reusedPools
        for result in work {
            guard let result else { throw CorpusError.unreadable(path: "libstemmer", reason: "no English stemmer") }
            pools.append(result.pool)
            for (d, analysis) in result.analyses { analyses[d] = analysis }
        }
        return (analyses.compactMap { $0 }, pools)
    }
}

/// How far indexing has got, for a progress display.
public struct IndexProgress: Sendable, Equatable {
    /// Files analysed so far, of `totalFiles` to analyse.
    public var files: Int
    public var totalFiles: Int
    /// UTF-8 bytes analysed so far, of `totalBytes`.
    public var bytes: Int
    public var totalBytes: Int

    public init(files: Int, totalFiles: Int, bytes: Int, totalBytes: Int) {
        self.files = files
        self.totalFiles = totalFiles
        self.bytes = bytes
        self.totalBytes = totalBytes
    }
}
