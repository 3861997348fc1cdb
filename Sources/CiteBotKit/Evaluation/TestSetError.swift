/// Why a test-set file could not be read, with the file, the place and what to fix.
public enum TestSetError: Error, CustomStringConvertible, Equatable {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file's extension names no known test-set format.
    case unknownFormat(file: String)
    /// A JSONL line (1-based) is not valid JSON or not a JSON object.
    case invalidJSON(file: String, line: Int, detail: String)
    /// A JSONL line parsed but does not describe a valid question.
    case invalidQuestion(file: String, line: Int, problem: String)
    /// Two questions share an id.
    case duplicateID(file: String, line: Int, id: String, firstLine: Int)
    /// A `.json` file is not valid JSON.
    case invalidSQuADJSON(file: String, detail: String)
    /// A `.json` file is JSON but lacks SQuAD's top-level `version` and `data`.
    case notSQuAD(file: String, detail: String)
    /// The SQuAD `version` is not one this reader understands.
    case unsupportedSQuADVersion(file: String, version: String)
    /// A SQuAD entry is malformed; `path` is like `data[0].paragraphs[2].qas[1]`.
    case invalidSQuAD(file: String, path: String, problem: String)

    /// A message naming the problem and how to fix it.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the test set: \(reason). Check the path and permissions."
        case .unknownFormat(let file):
            return "\(file): unknown test-set format. Use .jsonl for citebot's own JSON Lines"
                + " format or .json for a SQuAD v1.1/v2.0 file."
        case .invalidJSON(let file, let line, let detail):
            return "\(file):\(line): invalid JSON (\(detail)). Each non-blank line must be one JSON object"
                + " such as {\"id\": \"q1\", \"question\": \"…\", \"evidence\": [\"…\"]}."
        case .invalidQuestion(let file, let line, let problem):
            return "\(file):\(line): \(problem)."
        case .duplicateID(let file, let line, let id, let firstLine):
            return "\(file):\(line): duplicate id \"\(id)\" (first used on line \(firstLine)). Give each question a unique id."
        case .invalidSQuADJSON(let file, let detail):
            return "\(file): invalid JSON (\(detail)). A SQuAD file is one JSON object with \"version\" and \"data\"."
        case .notSQuAD(let file, let detail):
            return "\(file): not a SQuAD file: \(detail). A SQuAD file is one JSON object with \"version\" and"
                + " \"data\"; citebot's own test sets are JSON Lines files ending in .jsonl."
        case .unsupportedSQuADVersion(let file, let version):
            return "\(file): unsupported SQuAD version \"\(version)\"; supported are 1.1 and v2.0."
        case .invalidSQuAD(let file, let path, let problem):
            return "\(file): \(path): \(problem)."
        }
    }
}
