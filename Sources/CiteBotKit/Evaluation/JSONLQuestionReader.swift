import Foundation

/// Reads citebot's own JSON Lines test sets one question at a time.
///
/// Each non-blank line is one object:
/// `{"id"?: str, "question": str, "evidence"?: [str], "answers"?: [str], "unanswerable"?: bool}`.
/// A question must list evidence or answers, or be marked unanswerable (and then
/// list neither). Blank lines are skipped but counted, so errors name the line an
/// editor shows; a missing `id` becomes `line N`. Unknown keys are ignored, so
/// test sets may carry notes. A UTF-8 byte-order mark and CRLF line ends are accepted.
///
/// The file is read in 64 KiB chunks as questions are asked for, so memory does
/// not grow with the file; only the ids seen so far are kept, to reject duplicates.
public final class JSONLQuestionReader: QuestionSource {
    /// The file name used in error messages.
    public let file: String
    private let handle: FileHandle?
    private var buffer: [UInt8]
    private var position = 0
    /// Where the search for the next line end resumes: bytes before it hold none.
    private var scanned = 0
    private var reachedEnd: Bool
    private var lineNumber = 0
    private var lineOfID: [String: Int] = [:]
    private let decoder = JSONDecoder()
    private static let chunkSize = 1 << 16

    /// Opens `url` for reading; `displayName` (default: the path) names it in errors.
    public init(contentsOf url: URL, displayName: String? = nil) throws(TestSetError) {
        file = displayName ?? url.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .unreadable(file: file, reason: "it is a directory, not a test-set file")
        }
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw .unreadable(file: file, reason: EvalFileErrors.reason(error, reading: url))
        }
        buffer = []
        reachedEnd = false
    }

    /// Reads questions from bytes already in memory; `file` names them in errors.
    public init(data: Data, file: String) {
        self.file = file
        handle = nil
        buffer = Array(data)
        reachedEnd = true
    }

    /// The next question, or nil after the last line.
    ///
    /// - Throws: ``TestSetError`` naming the file and line when the line is not a
    ///   JSON object, lacks or mistypes a field, or repeats an id.
    public func nextQuestion() throws(TestSetError) -> EvalQuestion? {
        while let line = try nextLine() {
            lineNumber += 1
            var bytes = line
            if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            return try question(from: bytes)
        }
        return nil
    }

    /// The bytes of the next physical line without its line end, or nil at the end.
    private func nextLine() throws(TestSetError) -> ArraySlice<UInt8>? {
        while true {
            // Resuming where the last search stopped keeps a line longer than a chunk
            // linear: searching again from its start after each chunk was quadratic.
            if let newline = buffer[max(position, scanned)...].firstIndex(of: 0x0A) {
                let line = buffer[position..<newline]
                position = newline + 1
                scanned = position
                return line.last == 0x0D ? line.dropLast() : line
            }
            scanned = buffer.count
            if reachedEnd {
                guard position < buffer.count else { return nil }
                let line = buffer[position...]
                position = buffer.count
                return line.last == 0x0D ? line.dropLast() : line
            }
            try readChunk()
        }
    }

    private func readChunk() throws(TestSetError) {
        guard let handle else {
            reachedEnd = true
            return
        }
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: Self.chunkSize)
        } catch {
            throw .unreadable(file: file, reason: (error as NSError).localizedFailureReason ?? "\(error)")
        }
        // Drop consumed bytes so the buffer holds at most one partial line plus a chunk.
        buffer.removeFirst(position)
        scanned -= position
        position = 0
        if let chunk, !chunk.isEmpty {
            buffer.append(contentsOf: chunk)
        } else {
            reachedEnd = true
        }
    }

    private func question(from bytes: ArraySlice<UInt8>) throws(TestSetError) -> EvalQuestion {
        let record: Record
        let data = Data(bytes)
        do {
            record = try decoder.decode(Record.self, from: data)
        } catch let error as DecodingError {
            throw describe(error, data: data)
        } catch {
            throw .invalidJSON(file: file, line: lineNumber, detail: "\(error)")
        }
        return try validate(record)
    }

    private func validate(_ record: Record) throws(TestSetError) -> EvalQuestion {
        func problem(_ text: String) -> TestSetError {
            .invalidQuestion(file: file, line: lineNumber, problem: text)
        }
        guard let question = record.question else {
            throw problem("missing \"question\"; add \"question\": \"…\"")
        }
        guard !question.allSatisfy(\.isWhitespace) else { throw problem("\"question\" is empty") }
        let evidence = record.evidence ?? []
        let answers = record.answers ?? []
        for (name, values) in [("evidence", evidence), ("answers", answers)] {
            if let index = values.firstIndex(where: { $0.allSatisfy(\.isWhitespace) }) {
                throw problem("\"\(name)\"[\(index)] is empty; remove it or fill it in")
            }
        }
        let unanswerable = record.unanswerable ?? false
        if unanswerable, !evidence.isEmpty || !answers.isEmpty {
            throw problem("a question marked \"unanswerable\": true must not list \"evidence\" or \"answers\"")
        }
        if !unanswerable, evidence.isEmpty, answers.isEmpty {
            throw problem(
                "the question has neither \"evidence\" nor \"answers\"; quote the sentence that answers it"
                    + " in \"evidence\", or mark it \"unanswerable\": true")
        }
        if let id = record.id, id.allSatisfy(\.isWhitespace) {
            throw problem("\"id\" is empty; give a unique id or leave the key out")
        }
        let id = record.id ?? "line \(lineNumber)"
        if let firstLine = lineOfID[id] {
            throw .duplicateID(file: file, line: lineNumber, id: id, firstLine: firstLine)
        }
        lineOfID[id] = lineNumber
        return EvalQuestion(
            id: id, question: question, evidence: evidence, answers: answers, unanswerable: unanswerable)
    }

    private func describe(_ error: DecodingError, data: Data) -> TestSetError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            let detail = EvalFileErrors.syntaxDetail(data, lines: false) ?? context.debugDescription
            return .invalidJSON(file: file, line: lineNumber, detail: detail)
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return .invalidJSON(file: file, line: lineNumber, detail: "the line is JSON but not an object")
        default:
            let (path, problem) = EvalDecoding.problem(error, expectations: Record.expectations)
            let field = EvalDecoding.field(path)
            return .invalidQuestion(
                file: file, line: lineNumber, problem: field.isEmpty ? problem : "\(field) \(problem)")
        }
    }

    private struct Record: Decodable {
        var id: String?
        var question: String?
        var evidence: [String]?
        var answers: [String]?
        var unanswerable: Bool?

        static let expectations = [
            "id": "a string", "question": "a string", "evidence": "an array of strings",
            "answers": "an array of strings", "unanswerable": "true or false",
        ]
    }
}

extension QuestionSource {
    /// Reads every remaining question into an array (for small sets and tests).
    public mutating func collectQuestions() throws -> [EvalQuestion] {
        var questions: [EvalQuestion] = []
        while let question = try nextQuestion() { questions.append(question) }
        return questions
    }
}
