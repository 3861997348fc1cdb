import ArgumentParser
import CiteBotKit
import Foundation

/// A loaded corpus and its answerer: what every subcommand starts from.
struct Session {
    let answerer: Answerer
    let index: CorpusIndex
    /// Where the index came from: what the REPL's `:corpus` shows and `:reload` reads again.
    let source: Source

    /// Where a session's index comes from.
    enum Source: Equatable {
        /// Corpus files and directories, with the names shown for them (nil: as given).
        case corpus(paths: [String], names: [String]?)
        /// A file saved by `citebot index --output`.
        case indexFile(String)
        /// Documents already in memory (a SQuAD test set's articles).
        case documents
    }

    /// Loads and indexes the corpus — from `--index`, the cache, or afresh with `--no-cache` —
    /// printing warnings and cache notices to standard error.
    static func open(_ corpus: CorpusOptions, _ options: AnswerOptions) throws -> Session {
        let source: Source
        if let file = corpus.indexFile {
            source = .indexFile(file)
        } else {
            let (paths, names) = try corpusPaths(corpus)
            source = .corpus(paths: paths, names: names)
        }
        return try open(source, noCache: corpus.noCache, quiet: corpus.quiet, options)
    }

    /// Loads or indexes `source` (``Source/documents`` is not reloadable and is refused).
    ///
    /// - Parameter cancellation: stops indexing early; nothing is written to the cache then.
    /// - Throws: ``CLIError``, or `CancellationError` when `cancellation` stopped the work.
    static func open(
        _ source: Source, noCache: Bool, quiet: Bool, _ options: AnswerOptions,
        cancellation: CancellationToken? = nil
    ) throws -> Session {
        let store = try IndexStorage.store()
        let index: CorpusIndex
        do {
            switch source {
            case .indexFile(let file):
                index = try store.load(path: file).index
            case .corpus(let paths, let names):
                let progress = IndexProgressLine(enabled: Terminal.stderrIsTerminal && !quiet)
                defer { progress.finish() }
                let outcome = noCache
                    ? try store.build(paths: paths, names: names, progress: progress.update, cancellation: cancellation)
                    : try store.cached(paths: paths, names: names, directory: IndexStorage.cacheDirectory(),
                                       progress: progress.update, cancellation: cancellation)
                progress.finish()
                if !quiet {
                    for warning in outcome.warnings { Terminal.writeError("citebot: warning: \(warning)\n") }
                    for notice in outcome.notices { Terminal.writeError("citebot: \(notice)\n") }
                }
                index = outcome.index
            case .documents:
                throw CLIError.corpus("documents held in memory cannot be read again")
            }
        } catch let error as CorpusError {
            throw CLIError.corpus(error.description)
        } catch let error as IndexFileError {
            throw CLIError.corpus(error.description)
        }
        // The typo index is built on the other core while the first question is read and parsed.
        let prepared = index
        DispatchQueue.global().async { prepared.prepareCorrections() }
        return Session(
            answerer: Answerer(index: index, analyzer: store.builder.analyzer, lexicon: WordNetLexicon(), options: options),
            index: index, source: source)
    }

    /// The corpus paths and display names: `--corpus`, or the bundled corpus shown as `corpus/…`.
    static func corpusPaths(_ corpus: CorpusOptions) throws -> (paths: [String], names: [String]?) {
        if !corpus.paths.isEmpty { return (corpus.paths, nil) }
        guard let bundled = CorpusLocator.bundledCorpus() else {
            throw CLIError.corpus(
                "cannot find the bundled corpus; pass --corpus PATH or set \(CorpusLocator.environmentKey)")
        }
        return ([bundled], ["corpus"])
    }

    /// Indexes documents already in memory.
    static func open(_ documents: [Document], _ options: AnswerOptions) throws -> Session {
        guard let analyzer = Analyzer() else {
            throw CLIError.corpus("libstemmer has no English stemmer; reinstall libstemmer0d")
        }
        do {
            let index = try IndexBuilder(analyzer: analyzer).build(documents)
            return Session(
                answerer: Answerer(index: index, analyzer: analyzer, lexicon: WordNetLexicon(), options: options),
                index: index, source: .documents)
        } catch let error as CorpusError {
            throw CLIError.corpus(error.description)
        }
    }

    /// What `:corpus` shows: the paths as given (the bundled corpus by its name) or the index file.
    var sourceDescription: String {
        switch source {
        case .corpus(let paths, let names): return (names ?? paths).joined(separator: ", ")
        case .indexFile(let file): return "the saved index \(file)"
        case .documents: return "documents held in memory"
        }
    }

    /// "1 document, 37 sentences"
    var summary: String { Self.summary(of: index) }

    /// How many documents and sentences `index` holds, in words: "1 document, 37 sentences".
    static func summary(of index: CorpusIndex) -> String {
        let documents = index.documents.count
        let sentences = index.sentences.count
        return "\(documents) document\(documents == 1 ? "" : "s"), \(sentences) sentence\(sentences == 1 ? "" : "s")"
    }
}

/// Errors that end the program with a message and a meaningful exit status.
enum CLIError: Error, CustomStringConvertible {
    /// The corpus is missing, unreadable or empty (exit 66, EX_NOINPUT).
    case corpus(String)
    /// A test file is malformed (exit 65, EX_DATAERR).
    case data(String)

    var description: String {
        switch self {
        case .corpus(let message), .data(let message): return message
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .corpus: return ExitCode(66)
        case .data: return ExitCode(65)
        }
    }
}

extension CLIError {
    /// Prints the message and exits with the error's status.
    static func fail(_ error: CLIError) -> ExitCode {
        Terminal.writeError("citebot: error: \(error.description)\n")
        return error.exitCode
    }
}

/// Runs `body`, turning a ``CLIError`` into its message and exit status.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CLIError {
        throw CLIError.fail(error)
    }
}
