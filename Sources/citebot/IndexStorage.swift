import CiteBotKit
import Foundation

/// Where indexes are cached, and the store that reads and writes them.
enum IndexStorage {
    /// `$XDG_CACHE_HOME/citebot`, or `~/.cache/citebot`.
    static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/citebot" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache/citebot"
    }

    /// The store for this build of citebot.
    static func store() throws -> IndexStore {
        guard let analyzer = Analyzer() else {
            throw CLIError.corpus("libstemmer has no English stemmer; reinstall libstemmer0d")
        }
        return IndexStore(builder: IndexBuilder(analyzer: analyzer), producer: producer)
    }

    /// This build: the version plus the executable's size and modification time, so a cache
    /// written by another build (whose segmentation may differ) is never reused.
    static let producer: String = {
        var status = stat()
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        guard stat(executable, &status) == 0 else { return "citebot \(CiteBotVersion.string)" }
        return "citebot \(CiteBotVersion.string) \(status.st_size)-\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }()
}
