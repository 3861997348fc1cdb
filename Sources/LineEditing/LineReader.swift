/// A source of input lines for the REPL.
///
/// Two implementations exist because an interactive terminal and a pipe need
/// opposite behaviour: ``ReadlineReader`` edits lines and echoes a prompt,
/// ``PlainLineReader`` must never print anything. Choose with
/// ``ReadlineReader/standardInputIsTerminal``.
///
/// Readers are classes because they own process-wide or buffered state; they
/// are meant to be used from one thread at a time.
public protocol LineReader: AnyObject {
    /// Reads the next line, showing `prompt` first if the reader is interactive.
    func readLine(prompt: String) -> LineInput
}
