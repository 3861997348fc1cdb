/// Rewrites a follow-up question so it stands alone, using the previous question.
///
/// Two English patterns are resolved, nothing topic-specific:
/// - a question that refers back with a pronoun ("How long does **it** last?") gets the
///   previous question's subject in place of the pronoun;
/// - an elliptical "what about X?" / "and X?" / "how about X?" repeats the previous
///   question with X in place of its subject (and of the words right after the subject
///   that X ends with, so that none is said twice).
///
/// The subject of a question is its content word that the corpus uses most (the topic a
/// text keeps returning to), together with a content word right before it ("electric
/// kettles"); with WordNet, a word it lists but never as a noun ("noisy") is passed over. The rewrite is plain text, so the rest of the pipeline is unchanged and
/// `:why` can show it.
public struct FollowUpResolver: Sendable {
    public let index: CorpusIndex
    public let analyzer: Analyzer
    /// WordNet, when installed: tells a singular in "-s" ("lens") from a plural, and a noun
    /// the old subject only modified ("the kettle *price*") from a verb, so the auxiliary
    /// agrees with the right word. Without it the English plural ending alone decides.
    public let lexicon: WordNetLexicon?

    public init(index: CorpusIndex, analyzer: Analyzer, lexicon: WordNetLexicon? = nil) {
        self.index = index
        self.analyzer = analyzer
        self.lexicon = lexicon
    }

    static let pronouns: Set<String> = ["it", "its", "they", "them", "their", "this", "that", "these", "those"]
    static let ellipsisOpeners: [[String]] = [["what", "about"], ["how", "about"], ["and", "what", "about"], ["and"]]

    /// A follow-up made standalone, and what it is about.
    public struct FollowUp: Sendable, Equatable {
        /// The question rewritten to stand alone.
        public var question: String
        /// The words the follow-up is about: the X of "what about X?", or the previous
        /// question's subject that a pronoun stood for. An answer must name it
        /// (``Answerer/answer(_:about:cancellation:)``).
        public var subject: String
    }

    /// The standalone form of `question` given the previous (already standalone) question,
    /// or nil when `question` does not depend on it.
    public func resolve(_ question: String, previous: String?) -> String? {
        followUp(question, previous: previous)?.question
    }

    /// ``resolve(_:previous:)`` with the subject the rewritten question is about.
    public func followUp(_ question: String, previous: String?) -> FollowUp? {
        guard let previous, let subject = subject(of: previous) else { return nil }
        let words = analyzer.tokenizer.words(in: question)
        guard !words.isEmpty else { return nil }
        let surfaces = words.map(\.surface)

        // "what about X?": the previous question about X instead.
        for opener in Self.ellipsisOpeners where surfaces.starts(with: opener) && surfaces.count > opener.count {
            let rest = words[opener.count...]
            guard let first = rest.first, let last = rest.last else { return nil }
            let restText = CorpusIndex.slice(question, first.range.lowerBound..<last.range.upperBound)
            // Only when what follows is a bare topic, not a question of its own.
            guard analyzer.terms(in: restText).count == rest.count || rest.count <= 3 else { return nil }
            let replaced = Self.runningOn(subject.range, in: previous, over: analyzer.tokenizer.words(in: previous),
                                          endingTopic: rest.map(\.surface))
            let rewritten = replacing(replaced, in: previous, with: restText)
            // "Why is the kettle price high?": the verb agrees with "price", which stays.
            let modifiesNoun = modifiesANoun(replaced, in: previous)
            return FollowUp(question: modifiesNoun ? rewritten : agreeing(rewritten, subjectAt: subject.range.lowerBound, subject: restText),
                            subject: restText)
        }

        // A pronoun standing for the subject, in a question with no topic of its own.
        guard let pronoun = words.first(where: { Self.pronouns.contains($0.surface) }) else { return nil }
        // A word that is never a noun ("noisy") says something of the topic, as for the subject.
        let ownTopic = analyzer.terms(in: question).contains { term in
            guard !(lexicon?.isNeverNoun(CorpusIndex.slice(question, term.range)) ?? false),
                  let id = index.vocabulary.id(of: term.term) else { return false }
            return index.sentenceFrequency[Int(id)] >= subject.frequency
        }
        guard !ownTopic else { return nil }
        let possessive = pronoun.surface == "its" || pronoun.surface == "their"
        // "kettles'" but "glass's": a plural in "-s" takes the apostrophe alone.
        let replacement = possessive ? subject.text + (isPlural(subject.text) ? "'" : "'s") : subject.text
        var rewritten = replacing(pronoun.range, in: question, with: replacement)
        // A verb before a possessive agrees with what is possessed ("does its effect last"), not the owner.
        if !possessive { rewritten = agreeing(rewritten, subjectAt: pronoun.range.lowerBound, subject: subject.text) }
        return FollowUp(question: rewritten, subject: subject.text)
    }

    /// The byte range of the subject in `previous` run on over the words right after it that
    /// the new topic ends with, so that they are replaced rather than repeated: the subject of
    /// "Is kettle water safe?" is "kettle", and "what about tap water?" must read "Is tap
    /// water safe?", not "Is tap water water safe?".
    ///
    /// - Parameters:
    ///   - words: the words of `previous`, as ``Tokenizer`` gives them.
    ///   - topic: the words of the new topic.
    /// - Complexity: O(words + topic²).
    static func runningOn(_ subject: Range<Int>, in previous: String, over words: [WordToken],
                          endingTopic topic: [String]) -> Range<Int> {
        let bytes = Array(previous.utf8)
        // The words that follow the subject with nothing but spaces between them.
        var following: [WordToken] = []
        var end = subject.upperBound
        for word in words where word.range.lowerBound >= end {
            guard bytes[end..<word.range.lowerBound].allSatisfy({ $0 == UInt8(ascii: " ") }),
                  following.count < topic.count else { break }
            following.append(word)
            end = word.range.upperBound
        }
        // The longest such run that the topic ends with.
        for count in stride(from: following.count, through: 1, by: -1)
        where following[..<count].map(\.surface).elementsEqual(topic.suffix(count)) {
            return subject.lowerBound..<following[count - 1].range.upperBound
        }
        return subject
    }

    /// Auxiliaries that agree in number with the subject after them: singular, plural.
    static let agreeingAuxiliaries: [(singular: String, plural: String)] = [
        ("does", "do"), ("is", "are"), ("was", "were"), ("has", "have"),
        ("doesn't", "don't"), ("isn't", "aren't"), ("wasn't", "weren't"), ("hasn't", "haven't"),
    ]

    /// Words that may stand between an auxiliary and its subject ("does the kettle …").
    static let determiners: Set<String> = ["the", "my", "your", "our", "his", "her", "their", "its"]

    /// `question` with the auxiliary before the subject starting at byte `start` made to agree
    /// with `subject`: a follow-up puts a new subject where the old one stood, so "How long
    /// does the kettle last?" followed by "what about teapots?" reads "How long do the teapots last?".
    /// Only an auxiliary right before the subject, or before a determiner that opens it, is
    /// changed; the rest of the question is left as written.
    func agreeing(_ question: String, subjectAt start: Int, subject: String) -> String {
        let words = analyzer.tokenizer.words(in: question)
        guard var position = words.firstIndex(where: { $0.range.lowerBound == start }), position > 0 else { return question }
        position -= 1
        if Self.determiners.contains(words[position].surface), position > 0 { position -= 1 }
        let auxiliary = words[position]
        let plural = isPlural(subject)
        guard let pair = Self.agreeingAuxiliaries.first(where: { $0.singular == auxiliary.surface || $0.plural == auxiliary.surface })
        else { return question }
        let wanted = plural ? pair.plural : pair.singular
        guard wanted != auxiliary.surface else { return question }
        let written = CorpusIndex.slice(question, auxiliary.range)
        // Keep the capital of a question that opens with the auxiliary ("Is it …?" → "Are teapots …?").
        let replacement = written.first?.isUppercase == true ? wanted.prefix(1).uppercased() + wanted.dropFirst() : wanted
        return replacing(auxiliary.range, in: question, with: replacement)
    }

    /// Whether a noun phrase is plural, read from its last word's English plural ending:
    /// "-s", but not "-ss", "-us" or "-is" ("glass", "virus", "analysis"), nor a short word
    /// ("gas"), nor a word the lexicon lists as its own only base form ("lens", "news").
    func isPlural(_ phrase: String) -> Bool {
        guard let last = phrase.split(whereSeparator: { !$0.isLetter && $0 != "'" }).last?.lowercased() else { return false }
        guard Self.hasPluralEnding(last) else { return false }
        return !(lexicon?.isOwnOnlyBaseForm(last) ?? false)
    }

    /// Whether `word` (lower-cased) ends like an English plural: "-s", but not "-ss", "-us",
    /// "-is" or "'s", and longer than three letters.
    static func hasPluralEnding(_ word: String) -> Bool {
        guard word.count > 3, word.hasSuffix("s") else { return false }
        return !["ss", "us", "is", "'s"].contains { word.hasSuffix($0) }
    }

    /// Whether the words at byte range `subject` of `question` are followed, after spaces
    /// only, by a word the lexicon lists only as a noun: then they modify it ("the kettle
    /// price"), and the question's verb agrees with that noun, not with them.
    func modifiesANoun(_ subject: Range<Int>, in question: String) -> Bool {
        guard let lexicon else { return false }
        let bytes = Array(question.utf8)
        guard let next = analyzer.tokenizer.words(in: question).first(where: { $0.range.lowerBound >= subject.upperBound }),
              bytes[subject.upperBound..<next.range.lowerBound].allSatisfy({ $0 == UInt8(ascii: " ") })
        else { return false }
        return lexicon.isOnlyNoun(next.surface)
    }

    /// The most frequent corpus word of `question` (with a content word just before it).
    func subject(of question: String) -> (text: String, range: Range<Int>, frequency: Int32)? {
        let terms = analyzer.terms(in: question)
        // With WordNet, a word it lists but never as a noun ("noisy") is said of the subject
        // rather than being it, however often the corpus uses it; unless no other word is left.
        let nominal = terms.indices.filter { position in
            !(lexicon?.isNeverNoun(CorpusIndex.slice(question, terms[position].range)) ?? false)
        }
        func mostFrequent(among positions: [Int]) -> (position: Int, frequency: Int32)? {
            var best: (position: Int, frequency: Int32)? = nil
            for position in positions {
                guard let id = index.vocabulary.id(of: terms[position].term) else { continue }
                let frequency = index.sentenceFrequency[Int(id)]
                if frequency > best?.frequency ?? -1 { best = (position, frequency) }
            }
            return best
        }
        guard let best = mostFrequent(among: nominal) ?? mostFrequent(among: Array(terms.indices)) else { return nil }
        var range = terms[best.position].range
        if best.position > 0 {
            let before = terms[best.position - 1]
            let gap = CorpusIndex.slice(question, before.range.upperBound..<range.lowerBound)
            if gap.allSatisfy(\.isWhitespace) { range = before.range.lowerBound..<range.upperBound }
        }
        return (CorpusIndex.slice(question, range), range, best.frequency)
    }

    func replacing(_ range: Range<Int>, in text: String, with replacement: String) -> String {
        let utf8 = Array(text.utf8)
        return String(decoding: utf8[..<range.lowerBound], as: UTF8.self) + replacement
            + String(decoding: utf8[range.upperBound...], as: UTF8.self)
    }
}
