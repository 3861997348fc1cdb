import Foundation

/// Builds, saves, loads and caches indexes of corpora on disk.
///
/// The cache keeps one index file per corpus (its paths, display names and the build of
/// citebot that wrote it) in a directory such as `~/.cache/citebot`. Each file records
/// the size and modification time of every corpus file and the analysis of every
/// document, so when files change only those are read and analysed again; the rest are
/// merged from the old file as they were, giving the index a fresh build would give.
/// Files of corpora and builds no longer used are deleted as `retention` says.
/// The library decides nothing about printing: notices come back as strings.
public struct IndexStore: Sendable {
    public let builder: IndexBuilder
    public let settings: IndexSettings
    public let loader: CorpusLoader
    /// How many cache files ``cached(paths:names:directory:progress:cancellation:)`` keeps.
    public let retention: CacheRetention

    /// - Parameter producer: who writes the files (e.g. "citebot 0.2.0 <build id>"): a cache
    ///   written by another build is never reused, since its analysis may differ.
    public init(builder: IndexBuilder, producer: String, loader: CorpusLoader = CorpusLoader(),
                retention: CacheRetention = .standard) {
        self.builder = builder
        self.loader = loader
        self.retention = retention
        settings = IndexSettings(analyzer: builder.analyzer, splitter: builder.splitter,
                                 options: builder.options, producer: producer)
    }

    /// A corpus indexed, with what loading it had to say.
    public struct Outcome: Sendable {
        public var index: CorpusIndex
        public var warnings: [CorpusWarning]
        /// One-line notices about the cache ("rebuilt because…"), for standard error.
        public var notices: [String]
        /// The files the index was built from.
        public var files: [IndexedFile]
        var segments: IndexSegments?
    }

    // MARK: - Building and files

    /// Reads and indexes the corpus under `paths`.
    ///
    /// - Parameter cancellation: checked before each file is read and throughout indexing.
    /// - Throws: ``CorpusError``; `CancellationError` when `cancellation` is cancelled first.
    public func build(
        paths: [String], names: [String]? = nil, progress: (@Sendable (IndexProgress) -> Void)? = nil,
        cancellation: CancellationToken? = nil
    ) throws -> Outcome {
        try update(paths: paths, names: names, previous: nil, progress: progress, cancellation: cancellation)
    }

    /// Writes an index built by ``build(paths:names:progress:)`` to `path`, atomically.
    ///
    /// - Throws: ``IndexFileError/unwritable(path:reason:)``.
    public func write(_ outcome: Outcome, to path: String) throws {
        guard let segments = outcome.segments else {
            throw IndexFileError.unwritable(path: path, reason: "the index was loaded, not built")
        }
        try IndexFileWriter(index: outcome.index, segments: segments, files: outcome.files, settings: settings)
            .write(to: path)
    }

    /// Loads the saved index `path` (`citebot --index FILE`), memory-mapped and fully checked.
    ///
    /// - Throws: ``IndexFileError`` when it is unreadable, damaged, of another format version,
    ///   or built with other analyzer settings.
    public func load(path: String) throws -> SavedIndex {
        let reader = try IndexFileReader(path: path)
        let saved = try reader.load()
        if let difference = settings.analysisDifference(from: saved.settings) {
            throw IndexFileError.incompatibleSettings(path: path, detail: difference)
        }
        return saved
    }

    // MARK: - The cache

    /// The cache file for a corpus.
    public func cachePath(paths: [String], names: [String]?, directory: String) -> String {
        let absolute = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        var key = ([settings.values["producer"] ?? ""] + absolute).joined(separator: "\u{0}")
        key += "\u{1}" + (names ?? []).joined(separator: "\u{0}")
        let checksum = Array(key.utf8).withUnsafeBytes { Checksum64.of($0) }
        let hex = String(checksum, radix: 16)
        return directory + "/" + String(repeating: "0", count: 16 - hex.count) + hex + ".cbx"
    }

    /// The index of the corpus under `paths`, from the cache when it is current, updated
    /// incrementally when files changed, rebuilt when the cache is unusable; the cache is
    /// then rewritten. A cache that cannot be written is reported in `notices`. A cache
    /// file loaded is marked used; after one is written, the least recently used files
    /// beyond `retention` are deleted.
    ///
    /// - Parameter cancellation: checked before each file is read and throughout indexing.
    ///   A cancelled update writes nothing: the cache keeps the file it had.
    /// - Throws: ``CorpusError``; `CancellationError` when `cancellation` is cancelled before
    ///   the index is complete.
    public func cached(
        paths: [String], names: [String]? = nil, directory: String,
        progress: (@Sendable (IndexProgress) -> Void)? = nil, cancellation: CancellationToken? = nil
    ) throws -> Outcome {
        let path = cachePath(paths: paths, names: names, directory: directory)
        var notices: [String] = []
        var previous: (reader: IndexFileReader, saved: SavedIndex)?
        do {
            let reader = try IndexFileReader(path: path)
            let saved = try reader.load()
            if saved.settings != settings {
                notices.append("the index cache \(path) was built with other settings; rebuilding it")
            } else {
                previous = (reader, saved)
            }
        } catch let error as IndexFileError {
            // No file is no news: never cached, or just deleted by another citebot's pruning.
            if FileManager.default.fileExists(atPath: path) {
                notices.append("the index cache is unusable (\(Self.reason(error))); rebuilding it")
            }
        }
        var outcome: Outcome
        if let previous {
            let files = try loader.files(for: paths, names: names)
            let current = files.map { file -> IndexedFile in
                let fingerprint = CorpusLoader.fingerprint(of: file.url)
                return IndexedFile(path: file.url.path, source: file.source, size: fingerprint?.size ?? -1,
                                   modified: fingerprint?.modified ?? -1, document: nil, warning: nil)
            }
            let old = previous.saved.files
            if current.count == old.count, zip(current, old).allSatisfy({ $0.isUnchanged(comparedWith: $1) }) {
                CacheRetention.markUsed(path)
                return Outcome(index: previous.saved.index, warnings: Self.warnings(old), notices: notices,
                               files: old, segments: nil)
            }
            let oldPaths = Dictionary(old.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            let changed = current.filter { file in oldPaths[file.path].map { !file.isUnchanged(comparedWith: $0) } ?? false }.count
            let added = current.filter { oldPaths[$0.path] == nil }.count
            let removed = old.count - (current.count - added)
            notices.append("the corpus changed since it was cached (\(changed) changed, \(added) added, \(removed) removed); updating the index cache")
            do {
                outcome = try update(paths: paths, names: names, previous: previous, progress: progress,
                                     cancellation: cancellation)
            } catch let error as IndexFileError {
                notices.append("the index cache is unusable (\(Self.reason(error))); rebuilding it")
                outcome = try update(paths: paths, names: names, previous: nil, progress: progress,
                                     cancellation: cancellation)
            }
        } else {
            outcome = try update(paths: paths, names: names, previous: nil, progress: progress,
                                     cancellation: cancellation)
        }
        outcome.notices = notices
        // The index is complete; cancelling now would only throw away finished work.
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try write(outcome, to: path)
            retention.prune(directory: directory, keeping: URL(fileURLWithPath: path).lastPathComponent)
        } catch let error as IndexFileError {
            outcome.notices.append("the index cache was not saved: \(Self.reason(error))")
        } catch {
            outcome.notices.append("the index cache was not saved: cannot create \(directory)")
        }
        return outcome
    }

    /// Reads the corpus files, reusing the documents and analyses of `previous` for files
    /// whose path, name, size and modification time are unchanged, and builds the index.
    private func update(
        paths: [String], names: [String]?, previous: (reader: IndexFileReader, saved: SavedIndex)?,
        progress: (@Sendable (IndexProgress) -> Void)?, cancellation: CancellationToken?
    ) throws -> Outcome {
        let files = try loader.files(for: paths, names: names)
        guard !files.isEmpty else { throw CorpusError.noDocuments(paths) }
        var reusable: [String: IndexedFile] = [:]
        var old: (pool: TermPool, analyses: [DocumentAnalysis])?
        if let previous {
            old = try previous.reader.analyses(of: previous.saved)
            for file in previous.saved.files { reusable[file.path] = file }
        }
        // Which files can be taken over unchanged from `previous`; the others are read.
        var records: [IndexedFile] = []
        var unchanged: [IndexedFile?] = []
        for file in files {
            try cancellation.checkCancellation()
            let fingerprint = CorpusLoader.fingerprint(of: file.url)
            let record = IndexedFile(path: file.url.path, source: file.source, size: fingerprint?.size ?? -1,
                                     modified: fingerprint?.modified ?? -1, document: nil, warning: nil)
            records.append(record)
            if old != nil, fingerprint != nil, let earlier = reusable[record.path], earlier.isUnchanged(comparedWith: record) {
                unchanged.append(earlier)
            } else {
                unchanged.append(nil)
            }
        }
        // Reading and decoding is most of the time before analysis, so the files are read on
        // every core, then taken in their order.
        let toRead = files.indices.filter { unchanged[$0] == nil }
        let loader = self.loader
        let readings = ParallelChunks.map(toRead.count, workers: builder.workers) { k -> CorpusLoader.FileReading? in
            cancellation.isCancelled ? nil : loader.read(files[toRead[k]].url)
        }
        try cancellation.checkCancellation()
        var readingOf: [Int: CorpusLoader.FileReading] = [:]
        for (k, i) in toRead.enumerated() { readingOf[i] = readings[k] }

        var documents: [Document] = []
        var indexed: [IndexedFile] = []
        var warnings: [CorpusWarning] = []
        var reused: [Int: DocumentAnalysis] = [:]
        for (i, file) in files.enumerated() {
            var record = records[i]
            if let previous, let old, let earlier = unchanged[i] {
                record.warning = earlier.warning
                if let document = earlier.document {
                    record.document = documents.count
                    reused[documents.count] = old.analyses[document]
                    documents.append(previous.saved.index.documents[document])
                }
            } else if let reading = readingOf[i] {
                switch reading {
                case .failed(let reason):
                    // A file given by name must be readable; one found in a folder is skipped.
                    if files.count == 1 { throw CorpusError.unreadable(path: file.source, reason: reason) }
                    record.warning = "skipped: \(reason)"
                case .binary:
                    record.warning = "skipped: looks like a binary file"
                case .text(let text, let repaired):
                    if repaired { record.warning = "invalid UTF-8 replaced with U+FFFD" }
                    record.document = documents.count
                    documents.append(Document(source: file.source, text: text))
                }
            }
            if let warning = record.warning { warnings.append(CorpusWarning(path: file.source, message: warning)) }
            indexed.append(record)
        }
        guard !documents.isEmpty else { throw CorpusError.noIndexableText(paths) }
        let built = try builder.buildWithSegments(
            documents, reusing: reused, reusedPools: old.map { [$0.pool] } ?? [], progress: progress,
            cancellation: cancellation)
        return Outcome(index: built.index, warnings: warnings, notices: [], files: indexed, segments: built.segments)
    }

    private static func warnings(_ files: [IndexedFile]) -> [CorpusWarning] {
        files.compactMap { file in file.warning.map { CorpusWarning(path: file.source, message: $0) } }
    }

    /// An error's message without the "rebuild it" advice, for cache notices.
    private static func reason(_ error: IndexFileError) -> String {
        let text = error.description
        if let cut = text.range(of: "; rebuild it") { return String(text[..<cut.lowerBound]) }
        return text
    }
}
