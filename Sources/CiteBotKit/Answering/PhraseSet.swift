/// A fixed set of word sequences ("due to", "because"), looked for in a sentence's words.
///
/// Phrases are filed under their first word, so a search looks each word of the sentence
/// up once instead of comparing it with the start of every phrase: answer cues are looked
/// for in up to twenty candidate sentences per question.
struct PhraseSet: Sendable {
    /// The phrases, in the order given, filed under their first word.
    private let byFirstWord: [String: [[String]]]

    /// - Parameter phrases: word sequences of at least one word (empty ones are ignored).
    init(_ phrases: [[String]]) {
        var byFirstWord: [String: [[String]]] = [:]
        for phrase in phrases {
            guard let first = phrase.first else { continue }
            byFirstWord[first, default: []].append(phrase)
        }
        self.byFirstWord = byFirstWord
    }

    /// Whether some phrase occurs in `words` as consecutive words.
    ///
    /// - Complexity: O(words · phrases starting with the same word · phrase length).
    func occurs(in words: [String]) -> Bool {
        occurs(in: words) { _ in true }
    }

    /// Whether some phrase occurs in `words` as consecutive words at a place `accept` takes
    /// (it is given the phrase's range in `words`).
    func occurs(in words: [String], where accept: (Range<Int>) -> Bool) -> Bool {
        for start in words.indices {
            guard let phrases = byFirstWord[words[start]] else { continue }
            for phrase in phrases where start + phrase.count <= words.count {
                if words[start..<(start + phrase.count)].elementsEqual(phrase), accept(start..<(start + phrase.count)) {
                    return true
                }
            }
        }
        return false
    }
}
