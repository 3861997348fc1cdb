import PropertyBased

/// Generators of hostile-but-plausible text for property tests: words of several
/// scripts, the splitter's traps (abbreviations, decimals, ellipses, closing quotes,
/// list markers, headings) and odd whitespace, glued in random order.
///
/// PropertyBased seeds every check from a fresh random seed and prints it with any
/// failure (`.fixedSeed("…")` replays it), so a failing case can be reproduced.
enum HostileText {
    static let words = [
        "Botox", "lasts", "months", "fillers", "contain", "acid", "the", "of", "Dr.", "e.g.", "U.S.", "p.m.",
        "3.5", "1,000", "don't", "dogs'", "it’s", "café", "naïve", "Ελλάδα", "ΟΔΟΣ", "Жизнь", "日本語", "한국어",
        "e\u{301}te\u{301}", "٣٤٥", "😀", "👍🏽", "J.", "A", "x", "STRASSE", "İstanbul",
    ]
    static let marks = [
        ". ", "! ", "? ", "?! ", "… ", "... ", ".... ", ".", ",", ", ", ":", ";", "\"", "“", "”", "’", "'",
        "(", ")", "]", "»", "«", "-", "—", "#", "*", "\u{0}", "\u{1B}[31m", "\u{301}",
    ]
    static let spaces = [" ", " ", " ", "\n", "\n\n", "\t", "\r\n", "\u{A0}", "  \n  \n"]
    static let lineStarts = ["\n# ", "\n## ", "\n- ", "\n* ", "\n1. ", "\n12) ", "\n• ", "\n\n1.", "\n\n"]

    /// All pieces, words weighted most.
    static let pieces: [String] = words + words + marks + spaces + spaces + lineStarts

    /// Texts of up to `maximumPieces` pieces.
    static func text(pieces maximumPieces: Int = 120) -> Generator<String, some SendableSequenceType> {
        Gen.int(in: 0..<pieces.count).array(of: 0...maximumPieces).map { indices in
            indices.map { pieces[$0] }.joined()
        }
    }
}
