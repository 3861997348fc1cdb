import Foundation

/// A SQuAD v1.1 or v2.0 file read as a corpus plus questions.
///
/// Each article becomes one ``Document`` whose source is its title made
/// file-name-safe plus `.txt` (made unique with `-2`, `-3`… if titles collide) and
/// whose text is its contexts joined by blank lines, so paragraph *N* of the
/// document is context *N*. Line breaks inside a context are replaced by spaces,
/// scalar for scalar, so a context never splits into two paragraphs and SQuAD's
/// `answer_start` offsets (Unicode scalars) stay valid. `is_impossible` questions
/// are unanswerable; the others carry a ``GoldLocation`` with every answer's start.
public struct SQuADTestSet: Sendable, Hashable {
    /// One context and the questions asked about it.
    public struct Paragraph: Sendable, Hashable {
        /// The context as placed in its article's document.
        public var context: String
        /// Its questions in file order.
        public var questions: [EvalQuestion]
    }

    /// One article: its document and its paragraphs.
    public struct Article: Sendable, Hashable {
        /// The article as a corpus document.
        public var document: Document
        /// Its contexts with their questions; paragraph *N* of `document` is `paragraphs[N - 1]`.
        public var paragraphs: [Paragraph]
    }

    /// The `version` field as found (`1.1`, `v2.0`, …).
    public var version: String
    /// The articles in file order.
    public var articles: [Article]
    /// Oddities that do not stop evaluation, e.g. an answer whose text differs
    /// from the context at its `answer_start` (the offset is kept as given).
    public var warnings: [String]

    /// The whole corpus: one document per article.
    public var documents: [Document] { articles.map(\.document) }

    /// Every question in file order.
    public var questions: [EvalQuestion] { articles.flatMap { $0.paragraphs.flatMap(\.questions) } }

    /// Reads the SQuAD file at `url`; `displayName` (default: the path) names it in errors.
    public init(contentsOf url: URL, displayName: String? = nil) throws(TestSetError) {
        let file = displayName ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: file, reason: EvalFileErrors.reason(error, reading: url))
        }
        try self.init(data: data, file: file)
    }

    /// Reads a SQuAD file from bytes in memory; `file` names it in errors.
    ///
    /// - Throws: ``TestSetError`` for invalid JSON, a missing or unknown `version`,
    ///   and malformed entries (named by their path, e.g. `data[0].paragraphs[1].qas[2]`).
    public init(data: Data, file: String) throws(TestSetError) {
        let decoder = JSONDecoder()
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw Self.headerError(error, data: data, file: file)
        }
        guard let version = header.version, header.hasData else {
            let missing = header.version == nil ? "\"version\"" : "\"data\""
            throw .notSQuAD(file: file, detail: "no top-level \(missing)")
        }
        guard ["1.1", "v1.1", "2.0", "v2.0"].contains(version) else {
            throw .unsupportedSQuADVersion(file: file, version: version)
        }
        let root: Root
        do {
            root = try decoder.decode(Root.self, from: data)
        } catch let error as DecodingError {
            throw Self.entryError(error, file: file)
        } catch {
            throw .invalidSQuADJSON(file: file, detail: "\(error)")
        }
        try self.init(version: version, root: root, file: file)
    }

    private init(version: String, root: Root, file: String) throws(TestSetError) {
        self.version = version
        articles = []
        warnings = []
        var usedSources: Set<String> = []
        var seenIDs: [String: String] = [:]
        for (articleIndex, article) in root.data.enumerated() {
            let source = Self.uniqueSource(for: article.title, index: articleIndex, used: &usedSources)
            var paragraphs: [Paragraph] = []
            for (paragraphIndex, paragraph) in article.paragraphs.enumerated() {
                let path = "data[\(articleIndex)].paragraphs[\(paragraphIndex)]"
                let context = Self.flattened(paragraph.context)
                guard !context.allSatisfy(\.isWhitespace) else {
                    throw .invalidSQuAD(file: file, path: path + ".context", problem: "the context is empty")
                }
                var questions: [EvalQuestion] = []
                let scalarCount = context.unicodeScalars.count
                for (questionIndex, qa) in paragraph.qas.enumerated() {
                    let qaPath = "\(path).qas[\(questionIndex)]"
                    func invalid(_ problem: String) -> TestSetError {
                        .invalidSQuAD(file: file, path: qaPath, problem: problem)
                    }
                    guard !qa.question.allSatisfy(\.isWhitespace) else { throw invalid("\"question\" is empty") }
                    if let firstPath = seenIDs[qa.id] {
                        throw invalid("duplicate id \"\(qa.id)\" (first at \(firstPath))")
                    }
                    seenIDs[qa.id] = qaPath
                    if qa.isImpossible ?? false {
                        questions.append(EvalQuestion(id: qa.id, question: qa.question, unanswerable: true))
                        continue
                    }
                    let answers = qa.answers ?? []
                    guard !answers.isEmpty else {
                        throw invalid("no \"answers\" and not marked \"is_impossible\": true")
                    }
                    for (answerIndex, answer) in answers.enumerated() {
                        let length = answer.text.unicodeScalars.count
                        guard answer.answerStart >= 0, answer.answerStart + length <= scalarCount else {
                            throw invalid(
                                "answers[\(answerIndex)].answer_start \(answer.answerStart) with \(length)-character"
                                    + " text lies outside the \(scalarCount)-character context")
                        }
                        let scalars = context.unicodeScalars
                        let start = scalars.index(scalars.startIndex, offsetBy: answer.answerStart)
                        let end = scalars.index(start, offsetBy: length)
                        if !scalars[start..<end].elementsEqual(Self.flattened(answer.text).unicodeScalars) {
                            warnings.append(
                                "\(file): \(qaPath).answers[\(answerIndex)]: the context at answer_start"
                                    + " \(answer.answerStart) does not read \"\(answer.text)\"; the offset is used as given")
                        }
                    }
                    let starts = answers.map(\.answerStart).reduce(into: [Int]()) { kept, start in
                        if !kept.contains(start) { kept.append(start) }
                    }
                    let gold = GoldLocation(
                        source: source, paragraph: paragraphIndex + 1, context: context, answerStarts: starts)
                    questions.append(
                        EvalQuestion(id: qa.id, question: qa.question, answers: answers.map(\.text), gold: gold))
                }
                paragraphs.append(Paragraph(context: context, questions: questions))
            }
            let text = paragraphs.map(\.context).joined(separator: "\n\n")
            articles.append(Article(document: Document(source: source, text: text), paragraphs: paragraphs))
        }
    }

    /// The questions grouped by the corpus each must be answered against.
    ///
    /// - `paragraph`: one group per context that has questions; its single document
    ///   is named `Title.pN.txt` and holds that context alone, and gold locations
    ///   are rewritten to it (paragraph 1).
    /// - `article`: one group per article with questions, the article's document alone.
    /// - `all`: a single group with every document and every question.
    ///
    /// Groups and their questions keep file order.
    public func groups(scope: EvalScope) -> [EvalCorpusGroup] {
        switch scope {
        case .all:
            return [EvalCorpusGroup(name: "all", documents: documents, questions: questions)]
        case .article:
            return articles.compactMap { article in
                let questions = article.paragraphs.flatMap(\.questions)
                guard !questions.isEmpty else { return nil }
                return EvalCorpusGroup(name: article.document.source, documents: [article.document], questions: questions)
            }
        case .paragraph:
            var groups: [EvalCorpusGroup] = []
            for article in articles {
                let source = article.document.source
                let stem = source.hasSuffix(".txt") ? String(source.dropLast(4)) : source
                for (index, paragraph) in article.paragraphs.enumerated() where !paragraph.questions.isEmpty {
                    let single = "\(stem).p\(index + 1).txt"
                    let questions = paragraph.questions.map { question in
                        var question = question
                        question.gold?.source = single
                        question.gold?.paragraph = 1
                        return question
                    }
                    groups.append(
                        EvalCorpusGroup(
                            name: "\(source) ¶\(index + 1)",
                            documents: [Document(source: single, text: paragraph.context)], questions: questions))
                }
            }
            return groups
        }
    }
}

extension SQuADTestSet {
    /// Replaces line-break scalars by spaces, one for one, keeping scalar offsets.
    static func flattened(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isLineBreak) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { output.append(isLineBreak(scalar) ? " " : scalar) }
        return String(output)
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `Title.txt` from an article title: letters, digits, `-`, `_` and `.` kept,
    /// other runs replaced by `_`, at most 100 characters, `article-N` when nothing
    /// is left, and `-2`, `-3`… appended to repeats.
    static func uniqueSource(for title: String?, index: Int, used: inout Set<String>) -> String {
        var stem = ""
        for character in title ?? "" {
            if character.isLetter || character.isNumber || "-_.".contains(character) {
                stem.append(character)
            } else if !stem.hasSuffix("_") {
                stem.append("_")
            }
        }
        stem = String(stem.drop(while: { $0 == "_" || $0 == "." }).prefix(100))
        while stem.hasSuffix("_") || stem.hasSuffix(".") { stem.removeLast() }
        if stem.isEmpty { stem = "article-\(index + 1)" }
        var source = stem + ".txt"
        var counter = 2
        while used.contains(source) {
            source = "\(stem)-\(counter).txt"
            counter += 1
        }
        used.insert(source)
        return source
    }

    static func headerError(_ error: any Error, data: Data, file: String) -> TestSetError {
        if case .typeMismatch(_, let context) = error as? DecodingError, context.codingPath.isEmpty {
            return .notSQuAD(file: file, detail: "the top level is not a JSON object")
        }
        if let error = error as? DecodingError, case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
            let detail = EvalFileErrors.syntaxDetail(data, lines: true) ?? context.debugDescription
            return .invalidSQuADJSON(file: file, detail: detail)
        }
        if let error = error as? DecodingError {
            let (path, problem) = EvalDecoding.problem(error)
            return .notSQuAD(file: file, detail: "\(EvalDecoding.field(path, dotted: true)) \(problem)")
        }
        return .invalidSQuADJSON(file: file, detail: "\(error)")
    }

    static func entryError(_ error: DecodingError, file: String) -> TestSetError {
        let (path, problem) = EvalDecoding.problem(error)
        let field = EvalDecoding.field(path, dotted: true)
        return .invalidSQuAD(file: file, path: field.isEmpty ? "top level" : field, problem: problem)
    }

    /// The top level, read first to check the format and version before the entries.
    struct Header: Decodable {
        var version: String?
        var hasData: Bool

        enum CodingKeys: String, CodingKey { case version, data }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            version = try container.decodeIfPresent(String.self, forKey: .version)
            hasData = container.contains(.data)
        }
    }

    struct Root: Decodable {
        var data: [ArticleEntry]
    }

    struct ArticleEntry: Decodable {
        var title: String?
        var paragraphs: [ParagraphEntry]
    }

    struct ParagraphEntry: Decodable {
        var context: String
        var qas: [QuestionEntry]
    }

    struct QuestionEntry: Decodable {
        var id: String
        var question: String
        var answers: [AnswerEntry]?
        var isImpossible: Bool?

        enum CodingKeys: String, CodingKey {
            case id, question, answers
            case isImpossible = "is_impossible"
        }
    }

    struct AnswerEntry: Decodable {
        var text: String
        var answerStart: Int

        enum CodingKeys: String, CodingKey {
            case text
            case answerStart = "answer_start"
        }
    }
}
