import Foundation
import Testing

/// The REPL's `:corpus` and `:reload`: switching corpora, reading one again, and errors
/// that leave the previous corpus in use rather than ending the conversation.
@Suite struct CorpusCommandTests {
    @Test func switchesCorporaAndReportsErrorsWithoutLeaving() throws {
        let root = try Binary.temporaryDirectory()
        let small = root.appendingPathComponent("small")
        let empty = root.appendingPathComponent("empty")
        for folder in [small, empty] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try "An electric kettle boils water in about three minutes.\n".write(
            to: small.appendingPathComponent("kettle.txt"), atomically: true, encoding: .utf8)
        let missing = root.appendingPathComponent("missing")
        let input = [
            ":corpus", ":corpus \(missing.path)", ":corpus \(empty.path)", ":corpus ~/small",
            ":corpus", "How long does a kettle take to boil water?", ":reload", ":sources", ":help",
        ].joined(separator: "\n") + "\n"
        let result = try Binary.run(["chat"], input: input, environment: [
            "XDG_CACHE_HOME": root.appendingPathComponent("cache").path, "HOME": root.path,
        ])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(10)) == [
            "citebot — 1 document, 40 sentences indexed. Ask a question, :help for commands, Ctrl-D to quit.",
            "Answering from corpus: 1 document, 40 sentences.",
            "Still answering from corpus.",
            "Still answering from corpus.",
            "Now answering from \(small.path): 1 document, 1 sentence indexed.",
            "Answering from \(small.path): 1 document, 1 sentence.",
            "About three minutes. [1]",
            "  [1] \(small.path)/kettle.txt ¶1.1: \"An electric kettle boils water in about three minutes.\"",
            "Now answering from \(small.path): 1 document, 1 sentence indexed.",
            // The reload forgot the previous corpus's answer, whose citations it no longer has.
            "No answer yet: ask a question first.",
        ])
        #expect(result.stdout.contains(":corpus    the files answers come from"))
        #expect(result.stdout.contains(":reload    read the corpus again"))
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 2)
        #expect(errors.first?.hasPrefix("citebot: error: corpus path '\(missing.path)' does not exist") == true)
        #expect(errors.last?.hasPrefix("citebot: error: no .txt or .md files found in '\(empty.path)'") == true)
        // The paths came from :corpus, so no message tells the user to pass a command-line option.
        #expect(!result.stderr.contains("--corpus"))
    }

    /// Paths with spaces are quoted or escaped as in a shell; a quote left open is a
    /// message, and the corpus in use stays.
    @Test func takesQuotedPathsWithSpaces() throws {
        let root = try Binary.temporaryDirectory()
        let notes = try Binary.folder("My Notes", in: root,
                                      files: ["kettle.txt": "An electric kettle boils water in about three minutes.\n"])
        let escaped = notes.path.replacingOccurrences(of: " ", with: "\\ ")
        let input = [":corpus \"\(notes.path)", ":corpus \"\(notes.path)\"", ":corpus '\(notes.path)'", ":corpus \(escaped)"]
            .joined(separator: "\n") + "\n"
        let result = try Binary.run(["chat"], input: input, environment: [
            "XDG_CACHE_HOME": root.appendingPathComponent("cache").path, "HOME": root.path,
        ])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.dropFirst()) == [
            "Cannot read the paths: a \" quote is not closed; end the path with \". Still answering from corpus.",
            "Now answering from \(notes.path): 1 document, 1 sentence indexed.",
            "Now answering from \(notes.path): 1 document, 1 sentence indexed.",
            "Now answering from \(notes.path): 1 document, 1 sentence indexed.",
        ])
        #expect(result.stderr.isEmpty)
    }

    /// Only a bare `~` is the home directory: a quoted or escaped one is part of a name,
    /// as in a shell.
    @Test func aQuotedTildeIsNoHomeDirectory() throws {
        let root = try Binary.temporaryDirectory()
        _ = try Binary.folder("small", in: root, files: ["kettle.txt": "An electric kettle boils water in about three minutes.\n"])
        let input = [":corpus \"~/small\"", ":corpus \\~/small", ":corpus ~/small"].joined(separator: "\n") + "\n"
        let result = try Binary.run(["chat"], input: input, environment: [
            "XDG_CACHE_HOME": root.appendingPathComponent("cache").path, "HOME": root.path,
        ])
        #expect(result.status == 0)
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.hasPrefix("citebot: error: corpus path '~/small' does not exist") }, "\(errors)")
        #expect(result.stdout.contains("Now answering from \(root.appendingPathComponent("small").path): 1 document, 1 sentence indexed."))
    }

    @Test func reloadReadsChangedFiles() throws {
        let state = try Binary.temporaryDirectory()
        let folder = state.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("kettle.txt")
        try "An electric kettle boils water in about three minutes.\n".write(to: file, atomically: true, encoding: .utf8)
        let terminal = try PseudoTerminal(arguments: ["--corpus", folder.path], environment: [
            "XDG_STATE_HOME": state.path, "NO_COLOR": "1", "HOME": state.path,
            "XDG_CACHE_HOME": state.appendingPathComponent("cache").path,
        ])
        #expect(terminal.waitForPrompt())
        try "An electric kettle boils water in about three minutes.\n\nA stovetop kettle whistles when the water boils.\n"
            .write(to: file, atomically: true, encoding: .utf8)
        terminal.type(":reload\r")
        #expect(terminal.waitFor("Now answering from \(folder.path): 1 document, 2 sentences indexed."))
        #expect(terminal.waitFor("1 changed, 0 added, 0 removed"))
        #expect(terminal.waitForPrompt())
        terminal.type("Why does a stovetop kettle whistle?\r")
        #expect(terminal.waitFor("kettle.txt ¶2.1"))
        #expect(terminal.waitForPrompt())
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }
}
