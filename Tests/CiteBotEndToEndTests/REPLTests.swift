import Foundation
import Testing

/// The chat REPL on a real pseudo-terminal.
@Suite(.serialized) struct REPLTests {
    func start(stateHome: URL, arguments: [String] = []) throws -> PseudoTerminal {
        try PseudoTerminal(arguments: arguments, environment: [
            "XDG_STATE_HOME": stateHome.path, "NO_COLOR": "1", "HOME": stateHome.path,
            "XDG_CACHE_HOME": stateHome.appendingPathComponent("cache").path,
        ])
    }

    @Test func answersHelpsAndQuitsOnCtrlDWritingHistory() throws {
        let state = try Binary.temporaryDirectory()
        let terminal = try start(stateHome: state)
        #expect(terminal.waitFor("Ask a question, :help for commands, Ctrl-D to quit."))
        #expect(terminal.waitFor("> "))
        terminal.type("How long does Botox last?\r")
        #expect(terminal.waitFor("[1] corpus/botox-vs-fillers.txt ¶8.1"))
        terminal.type(":help\r")
        #expect(terminal.waitFor(":sources"))
        terminal.type(":sources\r")
        #expect(terminal.waitFor("Dermal filler results fluctuate"))
        terminal.type(":more\r")
        #expect(terminal.waitFor("[2]"))
        terminal.type(":why\r")
        #expect(terminal.waitFor("confidence"))
        #expect(terminal.waitForPrompt())
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
        let history = try String(contentsOf: state.appendingPathComponent("citebot/history"), encoding: .utf8)
        #expect(history.contains("How long does Botox last?"))
        #expect(history.contains(":help"))
    }

    @Test func ctrlCClearsTheLineAndKeepsGoing() throws {
        let state = try Binary.temporaryDirectory()
        let terminal = try start(stateHome: state)
        #expect(terminal.waitFor("> "))
        terminal.type("half a question")
        #expect(terminal.waitFor("half a question"))
        terminal.type("\u{03}")
        let mark = terminal.transcript.endIndex
        // citebot echoes "^C" when it abandons the line; only after that is a prompt at the end
        // of the transcript a fresh one. Typing on after an earlier "> " once extended the old
        // line on a loaded machine ("half a questionWhat do …" in the history).
        #expect(terminal.waitFor("^C", after: mark))
        #expect(terminal.waitForPrompt())
        terminal.type("What do dermal fillers contain?\r")
        #expect(terminal.waitFor("¶", after: mark))
        #expect(terminal.waitForPrompt())
        terminal.type(":quit\r")
        #expect(terminal.waitForExit() == 0)
        let history = (try? String(contentsOf: state.appendingPathComponent("citebot/history"), encoding: .utf8)) ?? ""
        #expect(!history.contains("half a question"))
    }

    @Test func historyFromAnEarlierRunIsRecalledWithUpArrow() throws {
        let state = try Binary.temporaryDirectory()
        _ = try Binary.folder("citebot", in: state, files: ["history": "What do dermal fillers contain?\n"])
        let terminal = try start(stateHome: state)
        #expect(terminal.waitFor("> "))
        terminal.type("\u{1B}[A\r")  // up arrow, then Enter
        #expect(terminal.waitFor("¶"))
        #expect(terminal.waitForPrompt())
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func unwritableHistoryDoesNotStopTheREPL() throws {
        let state = try Binary.temporaryDirectory()
        // A file where the citebot state directory should be: history cannot be saved.
        try "not a directory".write(to: state.appendingPathComponent("citebot"), atomically: true, encoding: .utf8)
        let terminal = try start(stateHome: state)
        #expect(terminal.waitFor("> "))
        terminal.type("How long does Botox last?\r")
        #expect(terminal.waitFor("¶8.1"))
        #expect(terminal.waitForPrompt())
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.transcript.contains("history not saved"))
    }

    /// An abstention shows no citation, so :more starts at [1] with the sentences held
    /// back, :sources says nothing was cited, and :why does not point at an unseen [1].
    @Test func afterAnAbstentionMoreStartsAtOneAndSourcesCitesNothing() throws {
        let state = try Binary.temporaryDirectory()
        // Five sentences about kettles, none of which says what colour they are painted.
        let corpus = state.appendingPathComponent("kettles.txt")
        try """
            Electric kettles boil water quickly.

            Copper kettles whistle when the water boils.

            Kettles need descaling in areas with hard water.

            Teapots keep tea warm for an hour.

            A kettle with a glass body shows the water level.
            """.write(to: corpus, atomically: true, encoding: .utf8)
        let terminal = try start(stateHome: state, arguments: ["--no-cache", "--corpus", corpus.path])
        #expect(terminal.waitFor("> "))
        terminal.type("What colour are kettles painted?\r")
        #expect(terminal.waitFor("I couldn't find an answer to that in the corpus."))
        #expect(terminal.waitForPrompt())
        var mark = terminal.transcript.endIndex
        terminal.type(":more\r")
        #expect(terminal.waitFor("The nearest evidence, not enough to answer:", after: mark))
        #expect(terminal.waitFor("[1] \(corpus.path) ¶1.1: \"Electric kettles boil water quickly.\"", after: mark))
        #expect(terminal.waitForPrompt())
        #expect(!terminal.transcript[mark...].contains("[4]"))
        mark = terminal.transcript.endIndex
        terminal.type(":sources\r")
        #expect(terminal.waitFor("The last question was not answered, so nothing is cited", after: mark))
        #expect(terminal.waitForPrompt())
        mark = terminal.transcript.endIndex
        terminal.type(":why\r")
        #expect(terminal.waitFor("confidence", after: mark))
        #expect(terminal.waitForPrompt())
        #expect(!terminal.transcript[mark...].contains("matched in [1]"))
        #expect(terminal.transcript[mark...].contains("matched in the nearest sentence ([1] of :more)"))
        // With no evidence at all, :sources does not send the user to an empty :more.
        terminal.type("qwertyuiop zxcvbnm\r")
        #expect(terminal.waitFor("I couldn't find an answer to that in the corpus.", after: mark))
        #expect(terminal.waitForPrompt())
        mark = terminal.transcript.endIndex
        terminal.type(":sources\r")
        #expect(terminal.waitFor("The last question was not answered, so nothing is cited.", after: mark))
        #expect(terminal.waitForPrompt())
        terminal.type(":quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func followUpUsesThePreviousSubject() throws {
        let state = try Binary.temporaryDirectory()
        let terminal = try start(stateHome: state)
        #expect(terminal.waitFor("> "))
        terminal.type("What is Botox?\r")
        #expect(terminal.waitFor("¶"))
        #expect(terminal.waitForPrompt())
        terminal.type("is it permanent?\r")
        #expect(terminal.waitFor("(taken as: is Botox permanent?)"))
        #expect(terminal.waitFor("Botox is definitely not a permanent treatment."))
        #expect(terminal.waitForPrompt())
        terminal.type(":why\r")
        #expect(terminal.waitFor("follow-up \"is it permanent?\" taken as \"is Botox permanent?\""))
        #expect(terminal.waitFor("only sentences naming \"Botox\" may answer it"))
        #expect(terminal.waitForPrompt())
        terminal.type(":quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    /// A folder of 25 files, 15 MB in all: enough that a debug build indexes it for several
    /// seconds, well past the second after which the progress line is drawn.
    func bigCorpus(in state: URL) throws -> URL {
        let corpus = state.appendingPathComponent("big")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let chunk = (0..<1_000).map { "Sentence \($0) talks about topic \($0 % 97) and detail \($0 % 31).\n" }.joined()
        let text = String(repeating: chunk, count: 10)
        for file in 0..<25 {
            try text.write(to: corpus.appendingPathComponent("part\(file).txt"), atomically: true, encoding: .utf8)
        }
        return corpus
    }

    @Test func ctrlCWhileIndexingEndsWithAMessageAndStatus130() throws {
        let state = try Binary.temporaryDirectory()
        // 15 MB per run would pile up in the temporary directory.
        defer { try? FileManager.default.removeItem(at: state) }
        let corpus = try bigCorpus(in: state)
        let terminal = try start(stateHome: state, arguments: ["--no-cache", "--corpus", corpus.path])
        #expect(terminal.waitFor("MB", timeout: 60), "no progress line while indexing")
        terminal.type("\u{03}")
        #expect(terminal.waitForExit(timeout: 30) == 130)
        #expect(terminal.transcript.contains("indexing interrupted"))
        #expect(!terminal.transcript.contains("Ask a question"))
    }

    /// Needs the debug build's test hook, so not run against a binary given by `$CITEBOT_BINARY`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CITEBOT_BINARY"] == nil, "the hook is in debug builds only"))
    func ctrlCDuringAnAnswerCancelsItAndTheNextQuestionIsAnswered() throws {
        let state = try Binary.temporaryDirectory()
        // The first answer waits inside the engine until Ctrl-C (a hidden test-only hook:
        // no natural question takes long enough in a debug build to interrupt reliably).
        let terminal = try PseudoTerminal(arguments: [], environment: [
            "XDG_STATE_HOME": state.path, "NO_COLOR": "1", "HOME": state.path,
            "XDG_CACHE_HOME": state.appendingPathComponent("cache").path, "CITEBOT_TEST_HOLD_ANSWERS": "1",
        ])
        #expect(terminal.waitForPrompt())
        terminal.type("How long does Botox last?\r")
        #expect(terminal.waitFor("holding the answer until Ctrl-C"))
        // While the engine works the terminal is in its normal mode: Ctrl-C raises SIGINT.
        let modes = try #require(terminal.localModes)
        #expect(modes & tcflag_t(ICANON | ECHO | ISIG) == tcflag_t(ICANON | ECHO | ISIG))
        let mark = terminal.transcript.endIndex
        terminal.type("\u{03}")
        #expect(terminal.waitFor("(cancelled)", after: mark))
        #expect(terminal.waitForPrompt())
        #expect(!terminal.transcript[mark...].contains("¶8.1"))
        terminal.type("How long does Botox last?\r")
        #expect(terminal.waitFor("[1] corpus/botox-vs-fillers.txt ¶8.1", after: mark))
        #expect(terminal.waitForPrompt())
        // At the prompt readline has the terminal in its own mode, without canonical input.
        #expect(terminal.localModes.map { $0 & tcflag_t(ICANON) } == 0)
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
        // And it is given back in its normal mode.
        #expect(terminal.localModes.map { $0 & tcflag_t(ICANON | ECHO) } == tcflag_t(ICANON | ECHO))
    }

    @Test func ctrlCWhileACorpusIsIndexedKeepsThePreviousOne() throws {
        let state = try Binary.temporaryDirectory()
        // 15 MB per run would pile up in the temporary directory.
        defer { try? FileManager.default.removeItem(at: state) }
        let corpus = try bigCorpus(in: state)
        let cache = state.appendingPathComponent("cache/citebot")
        let terminal = try start(stateHome: state)
        #expect(terminal.waitForPrompt())
        let cachedBefore = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        terminal.type(":corpus \(corpus.path)\r")
        #expect(terminal.waitFor("MB", timeout: 60), "no progress line while indexing")
        let mark = terminal.transcript.endIndex
        terminal.type("\u{03}")
        #expect(terminal.waitFor("(indexing cancelled; still answering from corpus)", after: mark, timeout: 30))
        #expect(terminal.waitForPrompt())
        #expect(!terminal.transcript.contains("Now answering from"))
        // Nothing of the interrupted corpus reached the cache, not even a temporary file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path) == cachedBefore)
        terminal.type("How long does Botox last?\r")
        #expect(terminal.waitFor("[1] corpus/botox-vs-fillers.txt ¶8.1", after: mark))
        #expect(terminal.waitForPrompt())
        terminal.type(":corpus\r")
        #expect(terminal.waitFor("Answering from corpus: 1 document", after: mark))
        #expect(terminal.waitForPrompt())
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }
}
