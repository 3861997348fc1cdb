/// Something that yields test questions one at a time and may fail part-way,
/// such as a JSON Lines file read as it is consumed.
///
/// Swift's `Sequence` cannot throw from `next()`, and a test file can turn out to
/// be malformed on its last line; a source reports that as an error at the point
/// it is reached instead of hiding it or reading the whole file first.
public protocol QuestionSource {
    /// The next question, or nil at the end.
    mutating func nextQuestion() throws -> EvalQuestion?
}
