/// What a ``LineReader`` got when asked for the next line.
///
/// The REPL needs to tell three outcomes apart: a line to answer, a cancelled
/// line (prompt again), and the end of the conversation (quit).
public enum LineInput: Sendable, Equatable {
    /// A complete line, without its line terminator.
    case line(String)
    /// The user pressed Ctrl-C at the prompt; the partly typed line was discarded.
    /// The caller should simply prompt again.
    case interrupted
    /// No more input: Ctrl-D on an empty line, or end of file.
    case endOfInput
}
