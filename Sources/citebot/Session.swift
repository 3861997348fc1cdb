import ArgumentParser
import CiteBotKit
import Foundation

/// A loaded corpus and its answerer: what every subcommand starts from.
struct Session {
    let answerer: Answerer
    let index: CorpusIndex

    /// Loads and indexes the corpus — from `--index`, the cache, or afresh with `--no-cache` —
    /// printing warnings and cache notices to standard error.
    static func open(_ corpus: CorpusOptions, _ options: AnswerOptions) throws -> Session {
        let store = try IndexStorage.store()
        let index: CorpusIndex
        do {
            if let file = corpus.indexFile {
                index = try store.load(path: file).index
            } else {
                let (paths, names) = try corpusPaths(corpus)
                let progress = IndexProgressLine(enabled: Terminal.stderrIsTerminal && !corpus.quiet)
                defer { progress.finish() }
                let outcome = corpus.noCache
                    ? try store.build(paths: paths, names: names, progress: progress.update)
                    : try store.cached(paths: paths, names: names, directory: IndexStorage.cacheDirectory(),
                                       progress: progress.update)
                progress.finish()
                if !corpus.quiet {
                    for warning in outcome.warnings { Terminal.writeError("citebot: warning: \(warning)\n") }
                    for notice in outcome.notices { Terminal.writeError("citebot: \(notice)\n") }
                }
                index = outcome.index
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
            index: index)
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
                index: index)
        } catch let error as CorpusError {
            throw CLIError.corpus(error.description)
        }
    }

    /// "1 document, 37 sentences"
    var summary: String {
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
