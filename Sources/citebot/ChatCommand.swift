import ArgumentParser
import CiteBotKit
import Foundation
import LineEditing

struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Ask questions interactively (the default when standard input is a terminal).",
        discussion: """
            Line editing and history come from GNU readline; history is kept in \
            $XDG_STATE_HOME/citebot/history (default ~/.local/state/citebot/history). \
            Ctrl-C clears the line, or stops an answer or indexing in progress; Ctrl-D quits. \
            Type :help for commands.
            """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var answering: AnsweringOptions

    func run() throws {
        try Self.run(corpus: corpus, answering: answering)
    }

    static func run(corpus: CorpusOptions, answering: AnsweringOptions) throws {
        try reportingErrors {
            let session = try InterruptibleStart.run { try Session.open(corpus, answering.answerOptions) }
            let reader: LineReader = ReadlineReader.standardInputIsTerminal ? ReadlineReader() : PlainLineReader()
            var repl = REPL(session: session, reader: reader, quiet: corpus.quiet, noCache: corpus.noCache)
            repl.run()
        }
    }
}

/// Ctrl-C while the corpus is indexed before the first prompt: there is no prompt to return
/// to yet, so citebot says what happened and ends with the conventional status 130.
/// Nothing is left half-written (the index cache is only ever replaced whole).
enum InterruptibleStart {
    static func run<T>(_ body: () throws -> T) rethrows -> T {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            Terminal.writeError("\ncitebot: indexing interrupted; nothing was saved\n")
            exit(130)
        }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        return try body()
    }
}

/// The chat loop: questions and `:commands` until Ctrl-D or `:quit`.
///
/// On a terminal, Ctrl-C while an answer is worked out or a corpus indexed cancels that
/// work: the engine watches readline's interrupt flag through a ``CancellationToken``
/// and stops at its next check, and the prompt comes back with everything as it was.
struct REPL {
    /// The corpus answered from; `:corpus` and `:reload` replace it.
    var session: Session
    let reader: LineReader
    let quiet: Bool
    /// `--no-cache` at start-up, which `:corpus` and `:reload` honour too.
    let noCache: Bool
    let renderer: TextRenderer
    let history = HistoryFile()
    /// The last answer, for :sources, :more and :why.
    var last: Answer?
    /// The last question as answered (after follow-up resolution).
    var lastQuestion: String?
    /// The last question as typed, when it was rewritten as a follow-up.
    var lastTyped: String?
    /// What that follow-up was about, which its answer had to name.
    var lastSubject: String?
    /// How many alternatives :more has shown for the last answer.
    var shownAlternatives = 0
    /// How many of the next answers wait for Ctrl-C; see ``holdAnswersKey``.
    var heldAnswers: Int

    /// Hidden and for tests only: `CITEBOT_TEST_HOLD_ANSWERS=N` makes the first N answers
    /// asked at a terminal wait, at the engine's first cancellation check, until Ctrl-C
    /// cancels them, saying so on standard error when the wait starts. No natural question
    /// keeps a debug build busy long enough to be interrupted reliably (64 question terms
    /// over 50,000 passages answer in a fraction of a second), so the end-to-end test of
    /// Ctrl-C during an answer uses this instead. Release builds ignore it.
    static let holdAnswersKey = "CITEBOT_TEST_HOLD_ANSWERS"

    init(
        session: Session, reader: LineReader, quiet: Bool, noCache: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.session = session
        self.reader = reader
        self.quiet = quiet
        self.noCache = noCache
        self.renderer = TextRenderer(colour: Terminal.wantsColour(fileDescriptor: STDOUT_FILENO))
        #if DEBUG
        self.heldAnswers = environment[Self.holdAnswersKey].flatMap { Int($0) } ?? 0
        #else
        self.heldAnswers = 0  // the hook is for the test suite's debug build, never shipped
        #endif
    }

    static let help = """
        Ask a question in plain words, or use a command:
          :help      this list
          :sources   the full paragraphs the last answer cites
          :more      the next-best evidence for the last question
          :why       the words matched for the last answer, with their weights
          :corpus    the files answers come from; :corpus PATH… answers from other
                     files or folders instead (separated by spaces; quote a path
                     that has spaces, "My Notes", or escape them, My\\ Notes)
          :reload    read the corpus again after its files changed
          :quit      leave (Ctrl-D works too)
        A follow-up such as "is it permanent?" or "what about X?" is read with the
        previous question's subject; the line "(taken as: …)" shows how.
        Ctrl-C clears the line you are typing, and stops an answer or indexing in
        progress (the previous corpus stays in use).
        """

    mutating func run() {
        let readline = reader as? ReadlineReader
        if let readline {
            do {
                readline.seedHistory(try history.load())
            } catch {
                notice("history not loaded: \(error)")
            }
        }
        Terminal.write("citebot — \(session.summary) indexed. Ask a question, :help for commands, Ctrl-D to quit.\n")
        let prompt = renderer.colour ? "\u{01}\u{1B}[1m\u{02}> \u{01}\u{1B}[0m\u{02}" : "> "
        loop: while true {
            switch reader.readLine(prompt: prompt) {
            case .endOfInput:
                if readline != nil { Terminal.write("\n") }
                break loop
            case .interrupted:
                continue
            case .line(let line):
                let input = line.trimmingCharacters(in: .whitespaces)
                if input.isEmpty { continue }
                if input.hasPrefix(":") {
                    if !command(input) { break loop }
                } else {
                    ask(input)
                }
            }
        }
        if let readline {
            do {
                try history.save(readline.historyEntries())
            } catch {
                notice("history not saved: \(error)")
            }
            readline.close()
        }
    }

    mutating func ask(_ typed: String) {
        let resolver = FollowUpResolver(index: session.index, analyzer: session.answerer.analyzer,
                                        lexicon: session.answerer.lexicon)
        let followUp = resolver.followUp(typed, previous: lastQuestion)
        let resolved = followUp?.question
        let question = resolved ?? typed
        if let resolved {
            Terminal.write(renderer.paint("(taken as: \(TextRenderer.escaped(resolved)))", "2") + "\n")
        }
        let token: CancellationToken
        if heldAnswers > 0, reader is ReadlineReader {
            heldAnswers -= 1
            token = CancellationToken(watching: {
                // Said once the engine is inside the answer, so a test knows when to press Ctrl-C.
                Terminal.writeError("citebot: test hook: holding the answer until Ctrl-C\n")
                while !ReadlineReader.interruptIsPending { usleep(10_000) }
                return true
            })
        } else {
            token = interruptToken()
        }
        let answer: Answer
        do {
            answer = try session.answerer.answer(question, about: followUp?.subject, cancellation: token)
        } catch {
            _ = takeInterrupt()
            Terminal.write("\r(cancelled)\n")
            return
        }
        // A Ctrl-C just after the answer was complete was still meant for it.
        if takeInterrupt() {
            Terminal.write("\r(cancelled)\n")
            return
        }
        last = answer
        lastQuestion = question
        lastTyped = resolved == nil ? nil : typed
        lastSubject = followUp?.subject
        shownAlternatives = 0
        Terminal.write(renderer.render(answer))
    }

    /// Runs a `:command`; returns false to leave the loop.
    mutating func command(_ input: String) -> Bool {
        let name = input.split(separator: " ", maxSplits: 1).first.map(String.init) ?? input
        switch name {
        case ":quit", ":q", ":exit":
            return false
        case ":help", ":h", ":?":
            Terminal.write(Self.help + "\n")
        case ":sources":
            sources()
        case ":more":
            more()
        case ":why":
            why()
        case ":corpus":
            let arguments = input.drop { !$0.isWhitespace }
            let paths: [String]
            do {
                // Only a `~` typed bare is the home directory; a quoted one is a name.
                paths = try CommandWords.words(String(arguments)).map {
                    $0.opensWithBareTilde ? Self.expandingTilde($0.text) : $0.text
                }
            } catch {
                Terminal.write("Cannot read the paths: \(error). Still answering from \(TextRenderer.escaped(session.sourceDescription)).\n")
                return true
            }
            if paths.isEmpty {
                Terminal.write("Answering from \(TextRenderer.escaped(session.sourceDescription)): \(session.summary).\n")
            } else {
                reindex(.corpus(paths: paths, names: nil))
            }
        case ":reload":
            reindex(session.source)
        default:
            Terminal.write("Unknown command \(TextRenderer.escaped(name)); :help lists the commands.\n")
        }
        return true
    }

    /// `~` or `~/…` with the home directory in front, as a shell would: no shell reads the
    /// paths given to `:corpus`. Like a shell (and unlike Foundation on Linux, which asks
    /// the password database) this uses `$HOME` when it is set.
    static func expandingTilde(
        _ path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + path.dropFirst()
    }

    /// A token that Ctrl-C cancels. Only a terminal has one: on a pipe, SIGINT keeps its
    /// default action.
    func interruptToken() -> CancellationToken {
        guard reader is ReadlineReader else { return CancellationToken() }
        return CancellationToken(watching: { ReadlineReader.interruptIsPending })
    }

    /// Takes a Ctrl-C that arrived while work was running; whether there was one.
    ///
    /// The notices that follow start with a carriage return: the terminal has echoed "^C"
    /// at the start of the line, and the notice, being longer, writes over it.
    func takeInterrupt() -> Bool {
        reader is ReadlineReader && ReadlineReader.takePendingInterrupt()
    }

    /// Indexes `source` (using the cache as at start-up) and answers from it from now on.
    /// Ctrl-C or an error leaves the current corpus in use; neither ends the REPL.
    mutating func reindex(_ source: Session.Source) {
        let previous = TextRenderer.escaped(session.sourceDescription)
        let fresh: Session
        do {
            fresh = try Session.open(source, noCache: noCache, quiet: quiet, session.answerer.options,
                                     cancellation: interruptToken())
        } catch is CancellationError {
            _ = takeInterrupt()
            Terminal.write("\r(indexing cancelled; still answering from \(previous))\n")
            return
        } catch {
            _ = takeInterrupt()
            Terminal.writeError("citebot: error: \(error)\n")
            Terminal.write("Still answering from \(previous).\n")
            return
        }
        // The index was complete, but a Ctrl-C just after still means "not this one".
        if takeInterrupt() {
            Terminal.write("\r(indexing cancelled; still answering from \(previous))\n")
            return
        }
        session = fresh
        last = nil
        lastQuestion = nil
        lastTyped = nil
        lastSubject = nil
        shownAlternatives = 0
        Terminal.write("Now answering from \(TextRenderer.escaped(fresh.sourceDescription)): \(fresh.summary) indexed.\n")
    }

    func sources() {
        guard let last else {
            Terminal.write("No answer yet: ask a question first.\n")
            return
        }
        // An abstention keeps its nearest sentences for :more and :why but cites none.
        guard !last.abstained, !last.citations.isEmpty else {
            // Point to :more only when it has something to show.
            let nearest = last.citations.isEmpty && last.alternatives.isEmpty ? "" : "; :more shows the nearest evidence"
            Terminal.write("The last question was not answered, so nothing is cited\(nearest).\n")
            return
        }
        var seen = Set<String>()
        for citation in last.citations {
            let key = "\(citation.source)#\(citation.paragraph)"
            guard seen.insert(key).inserted, let paragraph = paragraphText(citation) else { continue }
            Terminal.write("\(TextRenderer.escaped(citation.source)) ¶\(citation.paragraph):\n")
            for line in paragraph.split(separator: "\n", omittingEmptySubsequences: false) {
                Terminal.write("  " + TextRenderer.escaped(String(line)) + "\n")
            }
        }
    }

    func paragraphText(_ citation: Citation) -> String? {
        let index = session.index
        guard let position = index.paragraphs.firstIndex(where: {
            $0.number == citation.paragraph && index.documents.source(of: $0.document) == citation.source
        }) else { return nil }
        return index.text(ofParagraph: position)
    }

    mutating func more() {
        guard let last else {
            Terminal.write("No answer yet: ask a question first.\n")
            return
        }
        // After an abstention nothing was shown, so the sentences held back come first and
        // are numbered from [1]; otherwise the evidence continues the answer's numbering.
        let evidence = last.abstained ? last.citations + last.alternatives : last.alternatives
        let firstNumber = last.abstained ? 1 : last.citations.count + 1
        let batch = Array(evidence.dropFirst(shownAlternatives).prefix(3))
        guard !batch.isEmpty else {
            Terminal.write("No more evidence for that question.\n")
            return
        }
        if last.abstained, shownAlternatives == 0 {
            Terminal.write("The nearest evidence, not enough to answer:\n")
        }
        Terminal.write(renderer.renderCitations(batch, numberedFrom: firstNumber + shownAlternatives))
        shownAlternatives += batch.count
    }

    func why() {
        guard let lastQuestion, let last else {
            Terminal.write("No answer yet: ask a question first.\n")
            return
        }
        let analysis = session.answerer.analyse(lastQuestion)
        if let lastTyped {
            Terminal.write("follow-up \"\(TextRenderer.escaped(lastTyped))\" taken as \"\(TextRenderer.escaped(lastQuestion))\"\n")
            if let lastSubject {
                Terminal.write("only sentences naming \"\(TextRenderer.escaped(lastSubject))\" may answer it\n")
            }
        }
        Terminal.write("question kind: \(analysis.question.kind.rawValue)\n")
        if analysis.query.terms.isEmpty {
            Terminal.write("no content words to search for\n")
        }
        let cited = last.citations.first
        // Found once: finding a citation's sentence reads the whole sentence table.
        let citedSentence = cited.flatMap(session.answerer.sentence(citedBy:))
        // [1] may stand for the sentence that matched: one it names, or a claim it explains.
        let matched = cited.flatMap { session.answerer.standsFor($0, in: analysis) }.map { sentence in
            let claim = session.answerer.citation(ofSentence: sentence)
            return (sentence: sentence, where: "¶\(claim.paragraph).\(claim.sentence)", text: claim.text)
        }
        if let matched {
            // An abstention showed no [1]: its nearest sentence is the first that :more lists.
            let stated = last.abstained ? "The nearest sentence ([1] of :more) is listed" : "[1] is cited"
            Terminal.write("\(stated) in place of \(matched.where), which matched the question: "
                           + "\"\(TextRenderer.escaped(TextRenderer.shortened(TextRenderer.joiningLines(matched.text))))\"\n")
        }
        for term in analysis.query.terms {
            var line = "  \(TextRenderer.escaped(term.surface))"
            if let correction = term.correction { line += " → \(correction)" }
            if !term.synonymWords.isEmpty { line += " (also \(term.synonymWords.joined(separator: ", ")))" }
            line += " [\(term.term)] weight \(String(format: "%.2f", term.weight))"
            if term.id == nil {
                line += "  not in the corpus"
            } else if let citedSentence, session.answerer.sentence(citedSentence, contains: term) {
                // An abstention showed no [1]: its nearest sentence is the first that :more lists.
                line += last.abstained ? "  matched in the nearest sentence ([1] of :more)" : "  matched in [1]"
            } else if let matched, session.answerer.sentence(matched.sentence, contains: term) {
                line += "  matched in \(matched.where)"
            }
            Terminal.write(line + "\n")
        }
        Terminal.write("confidence \(String(format: "%.2f", last.confidence)) (answers at ≥ \(String(format: "%.2f", session.answerer.options.minScore)))\n")
        if let cited {
            let nearest = last.abstained ? "the nearest sentence" : "[1]"
            for reason in session.answerer.halvings(of: cited, in: analysis) {
                Terminal.write("  halved: \(nearest) \(TextRenderer.escaped(reason))\n")
            }
        }
    }

    func notice(_ message: String) {
        guard !quiet else { return }
        Terminal.writeError("citebot: \(message)\n")
    }
}
