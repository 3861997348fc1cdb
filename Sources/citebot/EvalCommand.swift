import ArgumentParser
import CiteBotKit
import Foundation

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure answer accuracy on test sets (citebot's JSONL or SQuAD v1.1/v2.0 JSON).",
        discussion: """
            Questions go through the same answering path as `ask` and `batch`. A JSONL test set \
            is answered against --corpus (default: the bundled corpus); a SQuAD file brings its \
            own corpus, answered per --scope.

            A citation matches JSONL evidence when, after case folding, quote/dash folding and \
            whitespace collapsing, the cited sentence contains an evidence string or the evidence \
            string contains the cited sentence.

            EXAMPLES:
              citebot eval questions.jsonl
              citebot eval questions.jsonl --sweep --plot sweep.svg
              citebot eval dev-v2.0.json --scope article --format json > report.json
              citebot eval questions.jsonl --fail-under hit@1=0.85 --fail-under abstention-recall=0.8
            """)

    @Argument(help: "Test-set files: .jsonl (citebot's format) or .json (SQuAD).")
    var files: [String]

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .customLong("top-k"), help: "Sentences cited per answer, and the k of hit@k.")
    var topK: Int = 3

    @Option(name: .customLong("min-score"), help: "Least confidence (0–1) at which citebot answers.")
    var minScore: Double = AnswerOptions.defaultMinScore

    @Option(help: "Report format: text or json (every per-question result plus the summary).")
    var format: EvalFormatOption = .text

    @Option(help: "For SQuAD files: answer each question against its paragraph, its article, or all articles.")
    var scope: EvalScope = .article

    @Option(name: .customLong("fail-under"), parsing: .singleValue, help: ArgumentHelp(
        "Exit with status 1 when METRIC falls below VALUE (repeatable). Metrics: \(EvalMetric.names.joined(separator: ", ")).",
        valueName: "metric=value"),
        transform: { text -> MetricThreshold in
            do { return try MetricThreshold(parsing: text) } catch { throw ValidationError(String(describing: error)) }
        })
    var failUnder: [MetricThreshold] = []

    @Option(name: .customLong("show-failures"), help: "How many failures the text report lists.")
    var showFailures: Int = 10

    @Flag(help: "Print coverage and accuracy for a range of abstention thresholds, marking the best.")
    var sweep = false

    @Option(help: ArgumentHelp("Write the coverage–accuracy curve as an SVG file.", valueName: "file.svg"))
    var plot: String?

    @Option(help: ArgumentHelp(
        "Turn off one technique to measure what it adds (repeatable): \(Ablation.allCases.map(\.rawValue).joined(separator: ", ")).",
        visibility: .hidden))
    var ablate: [Ablation] = []

    func validate() throws {
        guard topK >= 1 else { throw ValidationError("--top-k must be at least 1 (got \(topK)).") }
        guard minScore.isFinite, (0...1).contains(minScore) else {
            throw ValidationError("--min-score must be between 0 and 1 (got \(minScore)).")
        }
        guard showFailures >= 0 else { throw ValidationError("--show-failures must not be negative.") }
    }

    func run() throws {
        try reportingErrors {
            var options = AnswerOptions(topK: topK, minScore: minScore)
            for technique in ablate { technique.apply(to: &options) }
            var evaluator = Evaluator(k: topK, failureLimit: showFailures)
            var jsonWriter = EvalJSONReportWriter()
            var output = StandardOutput()
            let progress = Progress(enabled: Terminal.stderrIsTerminal && !corpus.quiet)
            var documentCount = 0
            let onResult: (EvalResult) throws -> Void = { result in
                if format == .json { try jsonWriter.write(result, to: &output) }
                progress.tick()
            }
            var defaultSession: Session?
            for file in files {
                do {
                    switch try TestSetFormat(path: file) {
                    case .jsonLines:
                        if defaultSession == nil { defaultSession = try Session.open(corpus, options) }
                        guard let session = defaultSession else { continue }
                        documentCount = max(documentCount, session.index.documents.count)
                        var reader = try JSONLQuestionReader(contentsOf: URL(fileURLWithPath: file), displayName: file)
                        try evaluator.evaluate(&reader, with: session.answerer, onResult: onResult)
                    case .squad:
                        let testSet = try SQuADTestSet(contentsOf: URL(fileURLWithPath: file), displayName: file)
                        if !corpus.quiet { for warning in testSet.warnings { Terminal.writeError("citebot: warning: \(warning)\n") } }
                        for group in testSet.groups(scope: scope) {
                            let session = try Session.open(group.documents, options)
                            documentCount = max(documentCount, group.documents.count)
                            try evaluator.evaluate(group.questions, with: session.answerer, onResult: onResult)
                        }
                    }
                } catch let error as TestSetError {
                    throw CLIError.data(error.description)
                }
            }
            progress.finish()
            let run = evaluator.finish()
            switch format {
            case .text:
                Terminal.write(EvalTextReport(showSources: documentCount > 1, showSpeed: true).render(run))
            case .json:
                try jsonWriter.finish(run.summary, to: &output)
            }
            if sweep || plot != nil {
                let table = ThresholdSweep(samples: run.sweepSamples)
                let current = ThresholdSweep.point(at: minScore, samples: run.sweepSamples)
                if sweep {
                    // In JSON mode stdout carries only the report; the table goes to stderr.
                    let text = SweepTable.render(table, current: current)
                    if format == .json { Terminal.writeError(text) } else { Terminal.write(text) }
                }
                if let plot {
                    let svg = SweepPlot().svg(table, current: current)
                    do {
                        try svg.write(toFile: plot, atomically: true, encoding: .utf8)
                    } catch {
                        throw CLIError.corpus("cannot write the plot to '\(plot)': \(error.localizedDescription)")
                    }
                }
            }
            let failures = MetricThreshold.failures(of: failUnder, in: run.summary)
            if !failures.isEmpty {
                for failure in failures { Terminal.writeError("citebot: eval: \(failure)\n") }
                throw ExitCode(1)
            }
        }
    }
}

/// Techniques `eval --ablate` can switch off, for ablation figures.
enum Ablation: String, ExpressibleByArgument, CaseIterable {
    case synonyms, typos, cues, proximity, references, coverage, passage, headings, adverbs
    case stemTypos = "stem-typos"
    case naming
    case wholeSides = "whole-sides"
    case lists, auxiliaries, contrast
    case confidenceSynonyms = "confidence-synonyms"
    case definitionPhrasing = "definition-phrasing"
    case baseFormTypos = "base-form-typos"
    case answerType = "answer-type"
    case bothOptions = "both-options"
    case irregularForms = "irregular-forms"
    case typedDepth = "typed-depth"
    case explanations, apposition, names, copies, subject, definitions, demonstratives
    case nameAsked = "name-asked"
    case leadIns = "lead-ins"
    case consequences, measures
    case kindNouns = "kind-nouns"
    case nounPhrases = "noun-phrases"
    case adverbPairs = "adverb-pairs"
    case degreePairs = "degree-pairs"
    case negation
    case gradedDurations = "graded-durations"
    case leadingPhrases = "leading-phrases"
    case inflections, recognition, attributes, elaborations, enumerations
    case causeVerbs = "cause-verbs"
    case durationVerbs = "duration-verbs"
    case gradedDefinitions = "graded-definitions"
    case instructions, conclusions
    case rareWords = "rare-words"
    case conditions
    case predicateAdjectives = "predicate-adjectives"
    case comparedSubjects = "compared-subjects"
    case followingDefinitions = "following-definitions"
    case frequency
    case echoedItems = "echoed-items"
    case countedItems = "counted-items"

    func apply(to options: inout AnswerOptions) {
        switch self {
        case .synonyms: options.synonymSenses = 0
        case .typos: options.correctsTypos = false
        case .stemTypos: options.correctsToStems = false
        case .naming: options.recognisesNaming = false
        case .cues: options.cueBonus = 0
        case .proximity: options.proximityWeight = 0
        case .references: options.followsReferences = false
        case .coverage: options.ranking.coverageWeight = 0
        case .passage: options.ranking.passageWeight = 0
        case .headings: options.ranking.headingWeight = 0
        case .adverbs: options.dropsUnknownAdverbs = false
        case .wholeSides: options.namesSidesWhole = false
        case .lists: options.recognisesLists = false
        case .auxiliaries: options.matchesAuxiliaries = false
        case .contrast: options.leadsWithContrast = false
        case .confidenceSynonyms: options.confidenceSynonymSenses = 0
        case .definitionPhrasing: options.readsDefinitionPhrasing = false
        case .baseFormTypos: options.correctsToSameBaseForm = false
        case .answerType: options.requiresAnswerType = false
        case .bothOptions: options.answersBothOptions = false
        case .irregularForms: options.resolvesBaseForms = false
        case .typedDepth: options.typedAnswerDepth = 0
        case .explanations: options.followsExplanations = false
        case .apposition: options.recognisesApposition = false
        case .names: options.recognisesNames = false
        case .copies: options.ranking.collapsesCopies = false
        case .subject: options.requiresSubject = false
        case .definitions: options.comparesDefinitions = false
        case .demonstratives: options.readsDemonstratives = false
        case .nameAsked: options.requiresName = false
        case .leadIns: options.ranking.readsLeadIns = false
        case .consequences: options.readsConsequences = false
        case .measures: options.requiresMeasure = false
        case .kindNouns: options.readsKindNouns = false
        case .nounPhrases: options.readsNounPhrases = false
        case .adverbPairs: options.readsAdverbPairs = false
        case .degreePairs: options.readsDegreePairs = false
        case .negation: options.matchesNegation = false
        case .gradedDurations: options.gradesDurations = false
        case .leadingPhrases: options.readsLeadingPhrases = false
        case .inflections: options.readsIrregularInflections = false
        case .recognition: options.readsRecognition = false
        case .attributes: options.readsAttributes = false
        case .elaborations: options.followsElaborations = false
        case .enumerations: options.followsEnumerations = false
        case .causeVerbs: options.readsCauseVerbs = false
        case .durationVerbs: options.readsDurationVerbs = false
        case .gradedDefinitions: options.gradesDefinitions = false
        case .instructions: options.readsInstructions = false
        case .conclusions: options.readsConclusions = false
        case .rareWords: options.correctsRareWords = false
        case .conditions: options.readsConditions = false
        case .predicateAdjectives: options.readsPredicateAdjectives = false
        case .comparedSubjects: options.readsComparedSubjects = false
        case .followingDefinitions: options.followsDefinitions = false
        case .frequency: options.matchesFrequency = false
        case .echoedItems: options.readsEchoedItems = false
        case .countedItems: options.requiresCountedItems = false
        }
    }
}

enum EvalFormatOption: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension EvalScope: ExpressibleByArgument {}

/// A `TextOutputStream` onto standard output.
struct StandardOutput: TextOutputStream {
    mutating func write(_ string: String) { Terminal.write(string) }
}

/// A question counter on standard error, redrawn at most ten times a second (terminals only).
final class Progress {
    let enabled: Bool
    private var count = 0
    private var lastDrawn = Date.distantPast

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func tick() {
        count += 1
        guard enabled, Date().timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = Date()
        Terminal.writeError("\r\u{1B}[Kevaluating: \(count) questions")
    }

    func finish() {
        if enabled && count > 0 { Terminal.writeError("\r\u{1B}[K") }
    }
}
