/// What sort of answer a question asks for, read from its wording.
public enum QuestionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// "How long …", "for how many months …": a span of time.
    case duration
    /// "How many …", "how much …": a number or amount.
    case quantity
    /// "When …", "what year …": a date or point in time.
    case time
    /// "Why …", "what causes …": a reason.
    case reason
    /// "How does … work", "how is … done": a mechanism or method.
    case method
    /// "What is …", "define …": a definition or description.
    case definition
    /// "Who …": a person or organisation.
    case person
    /// "Where …": a place or location.
    case place
    /// "Is …", "can …", "does …": yes or no.
    case yesNo
    /// "Which …", "what kinds of …": one or more items picked out of several, often
    /// listed together in one sentence.
    case list
    /// "Difference between X and Y", "X vs Y": both sides.
    case comparison
    /// "What happens when …", "what will happen if …": what follows from a condition.
    case consequence
    /// Anything else, including bare keywords.
    case other
}
