/// Which corpus a SQuAD question is answered against.
public enum EvalScope: String, Sendable, CaseIterable, Codable {
    /// Its own context alone: one single-paragraph corpus per context (reading-comprehension setting).
    case paragraph
    /// Its article: one corpus per article, one paragraph per context.
    case article
    /// Every article of the file: one corpus for all questions (the open-corpus setting, hardest).
    case all
}

/// A corpus and the questions to be answered against it.
///
/// The caller builds one engine per group from `documents` and evaluates
/// `questions` with it; each question's ``GoldLocation`` refers to these documents.
public struct EvalCorpusGroup: Sendable, Hashable {
    /// A name for progress output: the article's source, `source ¶N`, or `all`.
    public var name: String
    /// The corpus documents.
    public var documents: [Document]
    /// The questions to answer against `documents`.
    public var questions: [EvalQuestion]

    /// A group of `questions` to answer against `documents`.
    public init(name: String, documents: [Document], questions: [EvalQuestion]) {
        self.name = name
        self.documents = documents
        self.questions = questions
    }
}
