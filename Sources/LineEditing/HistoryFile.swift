import Foundation

/// The file that keeps the REPL's history between sessions: one entry per line, UTF-8.
///
/// It lives at `$XDG_STATE_HOME/citebot/history`, or
/// `~/.local/state/citebot/history` when `XDG_STATE_HOME` is unset, empty or
/// relative, as the XDG Base Directory specification says. The REPL loads it,
/// seeds ``ReadlineReader/seedHistory(_:)``, and saves
/// ``ReadlineReader/historyEntries()`` when the session ends.
///
/// Saving is atomic (a temporary file in the same directory, flushed to disk,
/// then renamed over the old one), so a crash never leaves half a history.
/// The file is private to the user: mode 0600 in a directory created with 0700.
public struct HistoryFile: Sendable, Equatable {
    /// How many entries are kept unless told otherwise.
    public static let defaultLimit = 1000

    /// Where the history is read from and written to.
    public let url: URL

    /// The most entries ``load()`` returns and ``save(_:)`` writes; the newest win.
    public let limit: Int

    /// ``url`` as a file-system path.
    public var path: String {
        url.path
    }

    /// The history file for the given environment (the process's by default).
    ///
    /// Injecting `environment` lets tests pin the XDG rules. When it has no
    /// usable `HOME`, the current user's home directory is used.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        limit: Int = HistoryFile.defaultLimit
    ) {
        self.init(url: Self.defaultURL(environment: environment), limit: limit)
    }

    /// A history file at an explicit location.
    public init(url: URL, limit: Int = HistoryFile.defaultLimit) {
        self.url = url
        self.limit = max(0, limit)
    }

    /// Applies the XDG rule: `$XDG_STATE_HOME` only counts when it is an absolute path.
    public static func defaultURL(environment: [String: String]) -> URL {
        let stateHome: URL
        if let configured = environment["XDG_STATE_HOME"], configured.hasPrefix("/") {
            stateHome = URL(fileURLWithPath: configured, isDirectory: true)
        } else {
            let home: URL
            if let configured = environment["HOME"], configured.hasPrefix("/") {
                home = URL(fileURLWithPath: configured, isDirectory: true)
            } else {
                home = FileManager.default.homeDirectoryForCurrentUser
            }
            stateHome = home.appendingPathComponent(".local/state", isDirectory: true)
        }
        return stateHome
            .appendingPathComponent("citebot", isDirectory: true)
            .appendingPathComponent("history", isDirectory: false)
    }

    /// Reads the saved entries, oldest first; a missing file is an empty history.
    ///
    /// Blank lines are skipped, a trailing `\r` is dropped, and invalid UTF-8
    /// becomes U+FFFD, so a damaged file still loads.
    /// - Throws: ``HistoryError/cannotRead(file:reason:)`` when the file exists but cannot be read.
    /// - Complexity: O(*n*) in the size of the file.
    public func load() throws -> [String] {
        guard let bytes = try readFile() else { return [] }
        let entries = bytes
            .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            .map { UTF8Line.decode($0) }
            .filter { !$0.isEmpty }
        return Array(entries.suffix(limit))
    }

    /// Replaces the file with the last ``limit`` of `entries`, atomically.
    ///
    /// Control characters inside an entry (newlines included) become spaces so
    /// the file stays one entry per line; entries left blank are dropped.
    /// Missing parent directories are created with mode 0700.
    /// - Throws: ``HistoryError`` naming the directory or file that failed.
    public func save(_ entries: [String]) throws {
        let kept = entries.map(Self.sanitized).filter { $0.contains { !$0.isWhitespace } }.suffix(limit)
        var contents: [UInt8] = []
        for entry in kept {
            contents.append(contentsOf: entry.utf8)
            contents.append(UInt8(ascii: "\n"))
        }
        let directory = url.deletingLastPathComponent().path
        try Self.createDirectories(directory)
        try writeAtomically(contents, in: directory)
    }

    /// Replaces each control character (Unicode category Cc: C0, DEL, C1) with a space.
    static func sanitized(_ entry: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in entry.unicodeScalars {
            scalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        return String(scalars)
    }

    /// The whole file, or `nil` if it does not exist.
    private func readFile() throws -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            throw HistoryError.cannotRead(file: path, reason: Self.reason(code))
        }
        defer { _ = close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return bytes
            } else if errno != EINTR {
                throw HistoryError.cannotRead(file: path, reason: Self.reason(errno))
            }
        }
    }

    /// `mkdir -p` with mode 0700 for the directories it creates; existing ones are left alone.
    private static func createDirectories(_ directory: String) throws {
        var prefix = ""
        for component in directory.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if mkdir(prefix, 0o700) == 0 { continue }
            let code = errno
            guard code == EEXIST else {
                throw HistoryError.cannotCreateDirectory(directory: directory, reason: "\(prefix): \(reason(code))")
            }
            var status = stat()
            guard stat(prefix, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                throw HistoryError.cannotCreateDirectory(
                    directory: directory, reason: "\(prefix) exists but is not a directory")
            }
        }
    }

    /// Writes a private temporary file beside the target, flushes it, and renames it over the target.
    private func writeAtomically(_ contents: [UInt8], in directory: String) throws {
        let temporaryPath = directory + "/." + url.lastPathComponent + "." + UUID().uuidString + ".tmp"
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw HistoryError.cannotWrite(
                file: path, step: "creating a temporary file in \(directory)", reason: Self.reason(errno))
        }
        var isOpen = true
        var renamed = false
        defer {
            if isOpen { _ = close(descriptor) }
            if !renamed { _ = unlink(temporaryPath) }
        }
        func failure(_ step: String) -> HistoryError {
            .cannotWrite(file: path, step: step, reason: Self.reason(errno))
        }
        // The umask may have removed bits from 0600; the file must be exactly user read/write.
        guard fchmod(descriptor, 0o600) == 0 else { throw failure("setting mode 0600") }
        var offset = 0
        while offset < contents.count {
            let written = contents.withUnsafeBytes { bytes in
                write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                throw failure("writing")
            }
        }
        guard fsync(descriptor) == 0 else { throw failure("flushing to disk") }
        isOpen = false
        guard close(descriptor) == 0 else { throw failure("closing") }
        guard rename(temporaryPath, path) == 0 else { throw failure("replacing the old file") }
        renamed = true
        Self.syncDirectory(directory)
    }

    /// Makes the rename itself durable; failure only weakens crash safety, so it is ignored.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
