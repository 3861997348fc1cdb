/// The format of a test-set file, chosen by its extension.
public enum TestSetFormat: String, Sendable, CaseIterable {
    /// citebot's own JSON Lines (`.jsonl`), read by ``JSONLQuestionReader``.
    case jsonLines
    /// A SQuAD v1.1/v2.0 file (`.json`), read by ``SQuADTestSet``.
    case squad

    /// The format of `path` by its extension, case-insensitively.
    ///
    /// - Throws: ``TestSetError/unknownFormat(file:)`` for any other extension.
    public init(path: String) throws(TestSetError) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let lowered = name.lowercased()
        if lowered.hasSuffix(".jsonl") {
            self = .jsonLines
        } else if lowered.hasSuffix(".json") {
            self = .squad
        } else {
            throw .unknownFormat(file: path)
        }
    }
}
