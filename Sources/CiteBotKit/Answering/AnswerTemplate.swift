/// Fills the short answer templates. Every sentence in an answer is quoted verbatim
/// from a citation and followed by its marker; nothing else is said about the corpus.
public enum AnswerTemplate {
    /// The answer text: the short span when there is one, else the cited sentences,
    /// each followed by its citation marker ("[1]").
    ///
    /// - Parameter quoting: how many citations to quote; by default two for a comparison
    ///   (one per side) and one otherwise.
    public static func text(kind: QuestionKind, shortAnswer: String?, citations: [Citation], quoting: Int? = nil) -> String {
        if let shortAnswer, !citations.isEmpty {
            return "\(capitalisingFirst(shortAnswer)). [1]"
        }
        let shown = citations.prefix(quoting ?? (kind == .comparison ? 2 : 1))
        return shown.enumerated().map { "\($0.element.text) [\($0.offset + 1)]" }.joined(separator: " ")
    }

    static func capitalisingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
