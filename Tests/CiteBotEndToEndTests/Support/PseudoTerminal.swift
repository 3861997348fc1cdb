import Foundation

/// Runs citebot on a pseudo-terminal, as a person at a terminal would, so the REPL's
/// readline path (prompt, line editing, Ctrl-C, Ctrl-D) is exercised for real.
///
/// The child is started through util-linux `setsid --ctty`, which makes it a session
/// leader with the terminal as its controlling terminal, so Ctrl-C typed into it raises
/// SIGINT exactly as in a shell.
final class PseudoTerminal {
    let master: Int32
    let pid: pid_t
    private(set) var transcript = ""

    /// glibc's POSIX_SPAWN_SETSIGMASK and POSIX_SPAWN_SETSIGDEF (macros Swift does not import).
    private static let spawnSetSigMask: Int16 = 0x08
    private static let spawnSetSigDefault: Int16 = 0x04

    init(arguments: [String], environment: [String: String]) throws {
        // posix_openpt/unlockpt/ptsname are hidden from Swift's Glibc module; these are
        // the Linux ioctls they wrap (TIOCSPTLCK unlocks, TIOCGPTN names /dev/pts/N).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0,
              ioctl(master, UInt(0x4004_5431), &unlock) == 0,
              ioctl(master, UInt(0x8004_5430), &number) == 0
        else { throw POSIXError(.ENOTTY) }
        let slavePath = "/dev/pts/\(number)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The test runner's threads may block or ignore SIGINT, and a child inherits both:
        // start it with no signal blocked and SIGINT at its default action, as a shell would.
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &interrupt)
        posix_spawnattr_setflags(&attributes, Self.spawnSetSigMask | Self.spawnSetSigDefault)

        // Opening a terminal after setsid() does not make it the controlling terminal when
        // the open happens in posix_spawn's file actions; setsid(1) asks for it explicitly.
        let launcher = "/usr/bin/setsid"
        let argv = (["setsid", "--ctty", Binary.url.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm"
        for (key, value) in environment { env[key] = value }
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, launcher, &actions, &attributes, argv, envp)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        pid = child
    }

    deinit {
        close(master)
    }

    /// Types `text` (use "\u{03}" for Ctrl-C, "\u{04}" for Ctrl-D).
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads until the transcript contains `needle` or `timeout` seconds pass; returns whether it appeared.
    @discardableResult
    func waitFor(_ needle: String, after start: String.Index? = nil, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let from = start ?? transcript.startIndex
            if transcript[from...].contains(needle) { return true }
            readAvailable(waitMilliseconds: 100)
        }
        return transcript.contains(needle)
    }

    /// Waits until the transcript ends with the prompt, i.e. the REPL is waiting for input.
    @discardableResult
    func waitForPrompt(timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if transcript.hasSuffix("> ") { return true }
            readAvailable(waitMilliseconds: 100)
        }
        return false
    }

    /// Reads what the terminal shows, waiting up to the given time for something to arrive.
    func readAvailable(waitMilliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, waitMilliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 { transcript += String(decoding: buffer[0..<count], as: UTF8.self) }
    }

    /// The terminal's local modes (`c_lflag`: ICANON, ECHO, ISIG…) as the child left them;
    /// on Linux the master reports the settings of the terminal the child uses.
    var localModes: tcflag_t? {
        var settings = termios()
        return tcgetattr(master, &settings) == 0 ? settings.c_lflag : nil
    }

    /// Waits for the child to exit and returns its exit status, or nil if it was killed by a signal or timed out.
    func waitForExit(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            readAvailable(waitMilliseconds: 50)
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
                return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : nil
            }
        }
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        return nil
    }
}
