/// One text file of a corpus, held in memory as read.
///
/// `text` is the file's content exactly as decoded (invalid UTF-8 repaired with
/// U+FFFD), never rewritten: citations quote ranges of it verbatim, and all
/// matching-time normalisation happens in the analyzer instead.
public struct Document: Sendable, Hashable {
    /// How the document is named in citations: the path as the user gave it,
    /// or relative to the corpus root when it was found inside a directory.
    public var source: String
    /// The decoded content.
    public var text: String

    public init(source: String, text: String) {
        self.source = source
        self.text = text
    }
}
