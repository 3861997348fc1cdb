import ArgumentParser
import CiteBotKit

/// Where the corpus comes from.
struct CorpusOptions: ParsableArguments {
    @Option(name: .customLong("corpus"), help: ArgumentHelp(
        "A file or directory to answer from (repeatable). Default: the bundled corpus.",
        valueName: "path"))
    var paths: [String] = []

    @Flag(name: .shortAndLong, help: "Print no notices or warnings on standard error.")
    var quiet = false

    @Option(name: .customLong("index"), help: ArgumentHelp(
        "Answer from an index saved by `citebot index --output FILE` instead of reading a corpus.",
        valueName: "file"))
    var indexFile: String?

    @Flag(name: .customLong("no-cache"), help: ArgumentHelp(
        "Index the corpus afresh; neither read nor write the index cache.",
        discussion: "The cache lives in $XDG_CACHE_HOME/citebot (default ~/.cache/citebot)."))
    var noCache = false

    func validate() throws {
        if indexFile != nil && !paths.isEmpty {
            throw ValidationError("--index brings its own corpus; drop --corpus or --index.")
        }
    }
}

/// How answers are chosen.
struct AnsweringOptions: ParsableArguments {
    @Option(name: .customLong("top-k"), help: "Number of sentences each answer cites.")
    var topK: Int = 1

    @Option(name: .customLong("min-score"), help: ArgumentHelp(
        "Least confidence (0–1) at which citebot answers rather than abstains.",
        discussion: "Confidence is the share of the question's word weight that the best sentence covers."))
    var minScore: Double = AnswerOptions.defaultMinScore

    func validate() throws {
        guard topK >= 1 else { throw ValidationError("--top-k must be at least 1 (got \(topK)).") }
        guard minScore.isFinite, (0...1).contains(minScore) else {
            throw ValidationError("--min-score must be between 0 and 1 (got \(minScore)).")
        }
    }

    var answerOptions: AnswerOptions {
        AnswerOptions(topK: topK, minScore: minScore)
    }
}

/// How many questions from a pipe are answered at once.
struct JobsOption: ParsableArguments {
    @Option(help: ArgumentHelp("Answer at most N questions from a pipe at once (default: one per core).",
                               valueName: "N"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs).") }
    }
}

/// How records are written for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}
