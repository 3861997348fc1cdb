import ArgumentParser
import CiteBotKit
import Foundation

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index a corpus ahead of time, into a file or the index cache.",
        discussion: """
            With --output, writes a self-contained index (the documents' text included) that \
            `--index FILE` answers from without reading the corpus. Without it, brings the \
            index cache for the corpus up to date ($XDG_CACHE_HOME/citebot, default \
            ~/.cache/citebot), which every other command uses unless given --no-cache.

            The file is written to a temporary file beside it, flushed and renamed into place, \
            so an interrupted run leaves the previous index intact.

            EXAMPLES:
              citebot index --corpus ~/notes --output notes.cbx
              citebot ask --index notes.cbx "When is the meeting?"
              citebot index --corpus ~/notes
            """)

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .customLong("output"), help: ArgumentHelp("Where to write the index.", valueName: "file"))
    var output: String?

    func validate() throws {
        if corpus.indexFile != nil { throw ValidationError("citebot index reads a corpus; pass --corpus, not --index.") }
    }

    func run() throws {
        try reportingErrors {
            let store = try IndexStorage.store()
            let (paths, names) = try Session.corpusPaths(corpus)
            let started = Date()
            let progress = IndexProgressLine(enabled: Terminal.stderrIsTerminal && !corpus.quiet)
            let outcome: IndexStore.Outcome
            let destination: String
            do {
                if let output {
                    outcome = try store.build(paths: paths, names: names, progress: progress.update)
                    progress.finish()
                    try store.write(outcome, to: output)
                    destination = output
                } else {
                    let directory = IndexStorage.cacheDirectory()
                    outcome = try store.cached(paths: paths, names: names, directory: directory, progress: progress.update)
                    progress.finish()
                    destination = store.cachePath(paths: paths, names: names, directory: directory)
                }
            } catch let error as CorpusError {
                throw CLIError.corpus(error.description)
            } catch let error as IndexFileError {
                throw CLIError.corpus(error.description)
            }
            if !corpus.quiet {
                for warning in outcome.warnings { Terminal.writeError("citebot: warning: \(warning)\n") }
                for notice in outcome.notices { Terminal.writeError("citebot: \(notice)\n") }
            }
            let index = outcome.index
            let megabytes = Double(index.documents.indices.reduce(0) { $0 + index.documents.byteCount(of: $1) }) / 1_000_000
            Terminal.write("indexed \(Session.summary(of: index)) "
                + String(format: "(%.1f MB) in %.2f s: ", megabytes, Date().timeIntervalSince(started))
                + destination + "\n")
        }
    }
}
