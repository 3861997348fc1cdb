import CReadline

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// This is the only Swift file that may call CReadline: the shim's state has
// internal linkage, so every caller must live in one object file (see shim.h).

/// An interactive line reader for a terminal on standard input, built on GNU readline.
///
/// It gives the user line editing, `~/.inputrc` bindings (under `$if citebot`)
/// and an in-memory history, and it keeps Ctrl-C from ending the program:
///
/// - At the prompt, Ctrl-C echoes `^C`, discards the line being typed, moves to
///   a new line and returns ``LineInput/interrupted``.
/// - Ctrl-D on an empty line (or the terminal going away) moves to a new line
///   and returns ``LineInput/endOfInput``.
/// - Away from the prompt (while an answer is being computed), Ctrl-C only
///   raises a flag the REPL can watch with ``interruptIsPending`` and take with
///   ``takePendingInterrupt()``. A second
///   Ctrl-C before that flag is taken ends the process the usual way, so a stuck
///   program can still be stopped.
///
/// The terminal is put back in its normal mode before every ``readLine(prompt:)``
/// returns, whatever the outcome; ``close()`` (or `deinit`) restores the signal
/// handlers that were in place before.
///
/// Use it only when ``standardInputIsTerminal`` is true: readline echoes the
/// prompt and the input even on a pipe, which would pollute batch output. It
/// drives readline's process-wide state, so create at most one at a time and
/// use it from one thread. Creating it sets the `LC_CTYPE` locale from the
/// environment (readline needs it to edit multibyte characters).
public final class ReadlineReader: LineReader {
    /// How many entries the in-memory history keeps; older ones are dropped.
    public let historyLimit: Int

    private var isOpen = true

    /// Whether standard input is a terminal, i.e. whether this reader may be used.
    public static var standardInputIsTerminal: Bool {
        isatty(STDIN_FILENO) == 1
    }

    /// Takes over readline and the `SIGINT`/`SIGWINCH` handlers until ``close()``.
    ///
    /// - Parameter historyLimit: the most entries kept in memory (negative means none).
    public init(historyLimit: Int = HistoryFile.defaultLimit) {
        self.historyLimit = max(0, historyLimit)
        // Without a locale readline treats UTF-8 bytes as 8-bit meta characters.
        _ = setlocale(LC_CTYPE, "")
        citebot_rl_set_catch_signals(0)
        citebot_rl_set_catch_sigwinch(0)
        citebot_rl_set_change_environment(0)
        citebot_rl_set_readline_name()
        _ = rl_initialize()
        using_history()
        stifle_history(Int32(clamping: self.historyLimit))
        citebot_install_signal_handlers()
    }

    deinit {
        close()
    }

    /// Restores the signal handlers found at creation; later reads return ``LineInput/endOfInput``.
    ///
    /// Safe to call more than once. The terminal itself is already restored
    /// after each read, so this is only about signals.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        // Harmless when no prompt is active; puts the terminal back if one somehow is.
        rl_callback_handler_remove()
        citebot_restore_signal_handlers()
    }

    /// Reports, and clears, whether Ctrl-C (`SIGINT`) arrived while no prompt was active.
    ///
    /// The REPL can poll this while computing an answer to cancel it. Only
    /// meaningful while a ``ReadlineReader`` is open; otherwise `SIGINT` keeps
    /// its default action. An interrupt not taken before the next prompt starts
    /// is discarded there, since it was meant for the work that has finished.
    public static func takePendingInterrupt() -> Bool {
        citebot_take_sigint() != 0
    }

    /// Whether Ctrl-C (`SIGINT`) arrived while no prompt was active, without clearing it.
    ///
    /// Unlike ``takePendingInterrupt()`` this may be asked from any thread, as often as
    /// wanted (one atomic load): long work can watch it to stop early, e.g. through a
    /// `CancellationToken`, and the REPL takes the interrupt once the work has stopped.
    public static var interruptIsPending: Bool {
        citebot_sigint_pending() != 0
    }

    /// Shows `prompt`, lets the user edit a line, and returns it.
    ///
    /// Non-blank lines are added to the in-memory history unless they repeat
    /// the previous entry. `prompt` must wrap any terminal escape sequences in
    /// `\u{01}`…`\u{02}` so readline can measure its width.
    public func readLine(prompt: String) -> LineInput {
        guard isOpen else { return .endOfInput }
        citebot_set_at_prompt(1)
        defer { citebot_set_at_prompt(0) }
        _ = citebot_take_sigint()
        if citebot_take_sigwinch() != 0 {
            rl_reset_screen_size()
        }
        prompt.withCString { citebot_rl_begin_line($0) }
        while true {
            if citebot_take_sigint() != 0 {
                abandonLine()
                return .interrupted
            }
            if citebot_take_sigwinch() != 0 {
                rl_resize_terminal()
            }
            switch waitForInput() {
            case .input:
                rl_callback_read_char()
                if citebot_rl_line_ready() != 0 {
                    return finish(citebot_rl_take_line())
                }
            case .signal:
                continue
            case .failure:
                rl_callback_handler_remove()
                endWithNewline()
                return .endOfInput
            }
        }
    }

    /// Replaces the in-memory history with `entries` (oldest first), e.g. from ``HistoryFile/load()``.
    ///
    /// Empty entries are skipped; only the last ``historyLimit`` are kept.
    public func seedHistory(_ entries: [String]) {
        rl_clear_history()
        for entry in entries.suffix(historyLimit) where !entry.isEmpty {
            add_history(entry)
        }
    }

    /// The in-memory history, oldest first, ready for ``HistoryFile/save(_:)``.
    public func historyEntries() -> [String] {
        let base = citebot_history_base()
        return (0..<max(0, citebot_history_length())).compactMap { position in
            guard let entry = history_get(base + Int32(position)), let text = entry.pointee.line else {
                return nil
            }
            return String(cString: text)
        }
    }

    private enum Wakeup {
        case input, signal, failure
    }

    /// Blocks until standard input is readable or a signal handler wrote to the wake pipe.
    private func waitForInput() -> Wakeup {
        let wakeDescriptor = citebot_wake_fd()
        var requests = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let ready = requests.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), -1) }
        if ready < 0 {
            return errno == EINTR ? .signal : .failure
        }
        if requests[1].revents != 0 {
            drainWakePipe(wakeDescriptor)
            return .signal
        }
        // POLLHUP and POLLERR go to readline too: it reads end of file and reports end of input.
        return requests[0].revents & Int16(POLLNVAL) != 0 ? .failure : .input
    }

    private func drainWakePipe(_ descriptor: Int32) {
        var scratch = [UInt8](repeating: 0, count: 64)
        while scratch.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// Ctrl-C at the prompt: forget the line and any half-done search or key sequence.
    private func abandonLine() {
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_replace_line("", 0)
        rl_echo_signal_char(SIGINT)
        // Moves below a wrapped line and restores the terminal mode.
        rl_cleanup_after_signal()
        rl_callback_handler_remove()
        endWithNewline()
    }

    private func finish(_ pointer: UnsafeMutablePointer<CChar>?) -> LineInput {
        guard let pointer else {
            // Leave the cursor on a fresh line. Readline 8.1+ already ends the line at end of input
            // when bracketed paste is on (the default); without it the cursor is still after the prompt.
            if !isBracketedPasteEnabled {
                endWithNewline()
            }
            return .endOfInput
        }
        defer { free(pointer) }
        let line = String(cString: pointer)
        remember(line)
        return .line(line)
    }

    private func remember(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }) else { return }
        let length = citebot_history_length()
        if length > 0, let last = history_get(citebot_history_base() + length - 1)?.pointee.line,
            String(cString: last) == line
        {
            return
        }
        add_history(line)
    }

    private var isBracketedPasteEnabled: Bool {
        guard let value = rl_variable_value("enable-bracketed-paste") else { return false }
        return String(cString: value) == "on"
    }

    private func endWithNewline() {
        rl_crlf()
        fflush(nil)
    }
}
