/// A word found in text: its matching form and where it is.
public struct WordToken: Sendable, Hashable {
    /// Lower-cased, NFC-normalised, with typographic apostrophes folded to `'`.
    public var surface: String
    /// UTF-8 byte offsets of the word in the text that was tokenized.
    public var range: Range<Int>
}
