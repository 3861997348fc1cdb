import Foundation

/// Finds the bundled corpus when no --corpus is given.
///
/// In order: `$CITEBOT_CORPUS`; a `corpus/` directory beside a `Package.swift` in any
/// directory above the executable (so `.build/debug/citebot` works from anywhere); the
/// `corpus/` of the source tree this binary was built from.
enum CorpusLocator {
    static let environmentKey = "CITEBOT_CORPUS"

    static func bundledCorpus(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment[environmentKey], !path.isEmpty { return path }
        let manager = FileManager.default
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory)
            directory = directory.deletingLastPathComponent()
        }
        // Sources/citebot/CorpusLocator.swift → the package root.
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent())
        for root in candidates {
            let corpus = root.appendingPathComponent("corpus")
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: root.appendingPathComponent("Package.swift").path),
               manager.fileExists(atPath: corpus.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return corpus.path
            }
        }
        return nil
    }
}
