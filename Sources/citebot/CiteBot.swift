import ArgumentParser
import Foundation

@main
struct CiteBot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citebot",
        abstract: "Answer questions about a folder of text, citing the sentences each answer rests on.",
        discussion: """
            With no subcommand, citebot starts the chat REPL when standard input is a terminal \
            and answers one question per line (like `batch`) when it is not.

            The corpus is the bundled article unless --corpus is given (repeatable; files or \
            directories, searched recursively for .txt and .md files). CITEBOT_CORPUS overrides \
            where the bundled corpus is looked for.

            EXAMPLES:
              citebot                                    chat about the bundled article
              citebot ask "How long do the results last?"  one answer, then exit
              citebot --corpus ~/notes < questions.txt   answer each line of a file
              citebot batch --format jsonl < qs.txt      one JSON object per question
              citebot eval questions.jsonl --fail-under hit@1=0.85

            EXIT STATUS:
              0 success; 1 an evaluation metric fell below --fail-under; 64 bad usage;
              65 a malformed test file; 66 a missing, unreadable or empty corpus.
            """,
        version: CiteBotVersion.string,
        subcommands: [AutoCommand.self, ChatCommand.self, AskCommand.self, BatchCommand.self, EvalCommand.self, SentencesCommand.self, IndexCommand.self],
        defaultSubcommand: AutoCommand.self
    )
}

/// What `citebot` does without a subcommand: chat on a terminal, batch on a pipe.
struct AutoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auto",
        abstract: "Chat when standard input is a terminal, else answer each line (the default).")

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var answering: AnsweringOptions
    @Option(help: "Output format when answering lines from a pipe: text, json or jsonl.")
    var format: OutputFormat = .text
    @OptionGroup var jobs: JobsOption

    func run() throws {
        if Terminal.stdinIsTerminal {
            try ChatCommand.run(corpus: corpus, answering: answering)
        } else {
            try BatchCommand.run(corpus: corpus, answering: answering, format: format, jobs: jobs.jobs)
        }
    }
}

enum CiteBotVersion {
    static let string = "0.1.0"
}
