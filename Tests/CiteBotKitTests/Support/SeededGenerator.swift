/// SplitMix64: a small, repeatable random number generator for seeded test corpora.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random text built from the pieces that matter to tokenizing and splitting.
enum RandomText {
    static let pieces: [String] = [
        "a", "B", "z", "Q", "7", "0", "'", "\u{2019}", ".", ",", "-", " ", " ", " ", "\n", "\n\n", "!", "?",
        "é", "E\u{301}", "\u{301}", "ß", "İ", "\u{212A}", "Κα", "λη", "日本", "😀", "٣", "\u{345}", "\u{A0}",
        "\t", "\u{0}", "Dr.", "e.g.", "3.5", "1,000", "don't", "dogs'", "# Title", "- item", "Cats chase mice.",
        "The treatment contains a toxin.", "Running wrinkles lasts", "Ǆ", "ﬁ", "Å",
    ]

    static func make(_ generator: inout SeededGenerator, pieces count: Int) -> String {
        (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
    }

    /// Prose-like words for index tests.
    static let words = [
        "botox", "filler", "lasts", "months", "injection", "wrinkles", "the", "and", "of", "acid",
        "hyaluronic", "muscle", "relaxes", "skin", "volume", "cheeks", "lips", "results", "doctor", "café",
        "treatments", "contains", "toxin", "running", "don't", "3.5", "years", "cost", "price", "side",
    ]

    static func document(_ generator: inout SeededGenerator, paragraphs: Int) -> String {
        (0..<paragraphs).map { _ in
            (0..<(1 + Int(generator.next() % 8))).map { _ in
                let length = 1 + Int(generator.next() % 12)
                var words = (0..<length).map { _ in Self.words[Int(generator.next() % UInt64(Self.words.count))] }
                words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
                return words.joined(separator: " ") + "."
            }.joined(separator: " ")
        }.joined(separator: "\n\n")
    }
}
