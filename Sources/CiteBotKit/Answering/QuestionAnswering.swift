/// Something that answers questions about a fixed corpus.
///
/// The CLI's `ask`, `batch`, REPL and `eval` all go through this one entry point,
/// so evaluation figures are the product's figures.
public protocol QuestionAnswering: Sendable {
    /// Answers one question; never throws: weak evidence yields an abstention.
    func answer(_ question: String) -> Answer
}

extension QuestionAnswering {
    /// The answers to `questions`, in their order, worked out on up to `workers` threads
    /// (by default, one for each core this process may use).
    ///
    /// Questions are independent (a follow-up is resolved before it reaches an answerer),
    /// so the answers equal those of asking one at a time; only the wall time changes.
    /// This is how `citebot batch` keeps every core busy on a file of questions.
    public func answers(to questions: [String], workers: Int? = nil) -> [Answer] {
        ParallelChunks.map(questions.count, workers: workers ?? ParallelChunks.availableCores) { answer(questions[$0]) }
    }
}
