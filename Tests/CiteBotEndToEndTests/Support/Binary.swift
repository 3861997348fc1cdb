import Foundation
import Synchronization
import Testing

/// Runs the built `citebot` executable and captures what it does.
struct Binary {
    /// The executable: `$CITEBOT_BINARY`, or `citebot` beside the test bundle.
    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["CITEBOT_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // The test binary may sit inside an .xctest bundle directory.
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("citebot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/citebot")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the process was ended by a signal (status is then the signal number).
        var signalled: Bool
    }

    /// Runs citebot with `arguments`, feeding `input` to standard input.
    static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:],
        directory: URL? = nil, unprivileged: Bool = false
    ) throws -> Result {
        try run(arguments, inputData: Data(input.utf8), environment: environment, directory: directory,
                unprivileged: unprivileged)
    }

    /// Whether a user other than the owner may run the binary (every directory above it
    /// searchable by others): true for the usual clone locations, false under /root.
    static var othersCanRun: Bool {
        var path = url.resolvingSymlinksInPath()
        while path.path != "/" {
            var info = stat()
            guard stat(path.path, &info) == 0, info.st_mode & 0o001 != 0 else { return false }
            path = path.deletingLastPathComponent()
        }
        return true
    }

    /// Whether file permissions bind citebot when run with `unprivileged: true`.
    static var permissionsApply: Bool { geteuid() != 0 || othersCanRun }

    /// - Parameter unprivileged: when the tests run as root (as CI does), run citebot as
    ///   user and group 65534 through util-linux `setpriv`, so file permissions apply to it.
    static func run(
        _ arguments: [String], inputData: Data, environment: [String: String] = [:], directory: URL? = nil,
        unprivileged: Bool = false
    ) throws -> Result {
        let process = Process()
        if unprivileged && geteuid() == 0 && othersCanRun {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["XDG_STATE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("citebot-e2e-state").path
        // Keep the index cache of test runs out of the user's own cache.
        env["XDG_CACHE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("citebot-e2e-cache").path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Write from another thread so a large input cannot deadlock against a full output pipe.
        let writer = Thread {
            stdin.fileHandleForWriting.write(inputData)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        // Drain standard error on its own thread too: a child that fills one pipe while
        // the test reads the other would otherwise block forever.
        let errors = ErrorCollector()
        let errorReader = Thread {
            let bytes = stderr.fileHandleForReading.readDataToEndOfFile()
            errors.data.withLock { $0 = bytes }
            errors.done.signal()
        }
        errorReader.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        errors.done.wait()
        let err = errors.data.withLock { $0 }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self),
            signalled: process.terminationReason == .uncaughtSignal)
    }

    /// Standard error read on another thread; `done` is signalled once `data` is complete.
    private final class ErrorCollector: Sendable {
        let data = Mutex(Data())
        let done = DispatchSemaphore(value: 0)
    }

    /// A fresh empty temporary directory, removed with all the others when the test run ends.
    static func temporaryDirectory() throws -> URL {
        let url = temporaryRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A directory `name` inside `parent` holding `files` (file name → UTF-8 contents): a
    /// corpus, or a state directory, as a test needs it.
    static func folder(_ name: String, in parent: URL, files: [String: String]) throws -> URL {
        let url = parent.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (file, contents) in files {
            try contents.write(to: url.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        return url
    }

    /// One directory per test process holds every ``temporaryDirectory()``, so that the
    /// corpora, indexes and caches the tests write do not pile up in the system's temporary
    /// directory run after run.
    private static let temporaryRoot: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citebot-e2e-run-\(getpid())")
        atexit { try? FileManager.default.removeItem(at: Binary.temporaryRoot) }
        return url
    }()
}

/// Compares `actual` with the golden file `Golden/name`; `RECORD_GOLDEN=1` rewrites it.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = Binary.repositoryRoot.appendingPathComponent("Tests/CiteBotEndToEndTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "output differs from Golden/\(name); re-record with RECORD_GOLDEN=1 if intended",
            sourceLocation: sourceLocation)
}
