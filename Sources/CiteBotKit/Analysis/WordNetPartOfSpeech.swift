/// A WordNet syntactic category, with the file names and inflection rules that go with it.
///
/// WordNet keeps each part of speech in its own `index.*`, `data.*` and `*.exc` files,
/// and Morphy (see `morphy(7WN)`) strips different regular endings from each.
enum WordNetPartOfSpeech: CaseIterable, Sendable {
    case noun, verb, adjective, adverb

    /// The suffix of this category's file names: `index.noun`, `data.adj`, `adv.exc`.
    var fileSuffix: String {
        switch self {
        case .noun: "noun"
        case .verb: "verb"
        case .adjective: "adj"
        case .adverb: "adv"
        }
    }

    /// A regular inflection: a word ending in `suffix` may be the form of the same word
    /// ending in `ending` instead.
    struct Detachment: Sendable {
        var suffix: [UInt8]
        var ending: [UInt8]

        init(_ suffix: String, _ ending: String) {
            self.suffix = Array(suffix.utf8)
            self.ending = Array(ending.utf8)
        }
    }

    /// Morphy's rules of detachment, tried in this order; adverbs have none.
    var detachments: [Detachment] {
        switch self {
        case .noun: Self.nounDetachments
        case .verb: Self.verbDetachments
        case .adjective: Self.adjectiveDetachments
        case .adverb: []
        }
    }

    private static let nounDetachments = [
        Detachment("s", ""), Detachment("ses", "s"), Detachment("xes", "x"), Detachment("zes", "z"),
        Detachment("ches", "ch"), Detachment("shes", "sh"), Detachment("men", "man"), Detachment("ies", "y"),
    ]
    private static let verbDetachments = [
        Detachment("s", ""), Detachment("ies", "y"), Detachment("es", "e"), Detachment("es", ""),
        Detachment("ed", "e"), Detachment("ed", ""), Detachment("ing", "e"), Detachment("ing", ""),
    ]
    private static let adjectiveDetachments = [
        Detachment("er", ""), Detachment("est", ""), Detachment("er", "e"), Detachment("est", "e"),
    ]

    /// The candidate base forms of `word` under the rules of detachment, before any
    /// check against the index.
    ///
    /// A rule never leaves fewer than two letters before its ending, so "is" is not
    /// taken for the plural of "i" nor "red" for the past of "r"; and a bare "s" is not
    /// detached from a word ending in "ss", whose "s" is part of the stem ("boss", not
    /// a plural of the genus "bos").
    ///
    /// - Complexity: O(r · |word|) for r rules.
    func detachedForms(of word: [UInt8]) -> [[UInt8]] {
        var forms: [[UInt8]] = []
        for rule in detachments where word.count >= rule.suffix.count + 2 {
            guard word.suffix(rule.suffix.count).elementsEqual(rule.suffix) else { continue }
            if rule.suffix == [UInt8(ascii: "s")], word.count >= 2, word[word.count - 2] == UInt8(ascii: "s") {
                continue
            }
            let form = Array(word.dropLast(rule.suffix.count)) + rule.ending
            if !forms.contains(form) { forms.append(form) }
        }
        return forms
    }
}
