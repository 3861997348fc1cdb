/// Something that answers questions about a fixed corpus.
///
/// The CLI's `ask`, `batch`, REPL and `eval` all go through this one entry point,
/// so evaluation figures are the product's figures.
public protocol QuestionAnswering: Sendable {
    /// Answers one question; never throws: weak evidence yields an abstention.
    func answer(_ question: String) -> Answer
}
