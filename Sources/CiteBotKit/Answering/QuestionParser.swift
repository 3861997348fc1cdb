/// A question taken apart: its kind, and the words that carry its topic.
public struct ParsedQuestion: Sendable, Hashable {
    public var text: String
    public var kind: QuestionKind
    /// Content terms (analysed: stop words and question phrasing removed, stemmed).
    public var terms: [AnalyzedTerm]
    /// For comparisons, the terms of each side ("X" and "Y" of "X vs Y"); for a question
    /// that offers a choice ("Which lasts longer, X or Y?"), the terms of each option;
    /// else empty.
    public var sides: [[AnalyzedTerm]]
    /// For yes/no questions, the verb the question opens with ("can", "is", "will"), else nil.
    public var auxiliary: String? = nil
    /// What a "how many"/"how much" question counts ("bolts" of "How many bolts …?"),
    /// as a term (stem), else nil.
    public var counted: String? = nil
    /// For "how many", the words from ``counted`` on up to the next stop word, as typed
    /// ("voting members" of "How many voting members does …?"), else empty: the noun that
    /// is counted ends them, which takes a lexicon to tell (see
    /// ``Answerer/countedItems(of:query:)``). Items are counted by a number before their
    /// noun ("6 bolts"), unlike amounts ("how much water").
    public var countedPhrase: [String] = []
    /// Whether the question asks how often ("How often …?"): a quantity that a frequency
    /// such as "daily" or "twice a week" answers without a number.
    public var asksFrequency: Bool = false
    /// What a "how tall", "how far", "how heavy" … question measures, whose units its
    /// answer is stated in; nil for any other question.
    public var measure: Measure? = nil
    /// Whether the question denies something ("Why *doesn't* X …?", "… *not* …").
    public var denies: Bool = false
    /// Whether a "when" question asks under what condition something is done or happens
    /// as a rule ("When *should* kettles be descaled?", "when *do* bees swarm"), which a
    /// clause such as "when scale covers the element" answers, rather than for a date ("When
    /// *did* it erupt?").
    public var asksCondition: Bool = false
}

/// Reads a question's kind from its opening words and strips the words that only
/// say what kind of answer is wanted ("how long", "what is the difference between").
///
/// The rules are about English question syntax only, never about any topic.
public struct QuestionParser: Sendable {
    public let analyzer: Analyzer
    /// Whether "what's X", "what exactly is X" and "what counts as X" ask for a definition,
    /// as "what is X" does.
    public var readsDefinitionPhrasing: Bool
    /// Whether "what happens when …" (or "if", "once" …) asks for a consequence
    /// (``QuestionKind/consequence``) rather than being a question of no particular kind.
    public var readsConsequences: Bool = true
    /// Whether "cause" in "what causes X" is left out of the question's words: it only asks
    /// for a reason, as "why" does, and a reason is often given without the word
    /// ("a consequence of", "because").
    public var readsCauseVerbs: Bool = true
    /// Whether "last" in "how long does X last" is left out of the question's words: like
    /// "long", it only asks for a span of time, which an answer gives without the word
    /// ("X goes on for 3 months").
    public var readsDurationVerbs: Bool = true
    /// Whether "kind", "sort" and "type" are left out of a question's words only before "of"
    /// ("what kind of X"), rather than in every definition or comparison question, where
    /// they may be its topic ("What is a type?").
    public var readsKindNouns: Bool = true
    /// Whether "what" before a noun phrase ("what kit do I need", "what facial expressions
    /// cause wrinkles") asks "which", a ``QuestionKind/list`` question.
    public var readsNounPhrases: Bool = true
    /// Whether a question that opens with a phrase setting the scene ("In the example above,
    /// what is X used for?") is classified from its question word on.
    public var readsLeadingPhrases: Bool = true
    /// Whether "how can I tell if …" and "how do you know whether …" ask for the signs of
    /// something, a question of no particular kind, rather than for a method: the answer
    /// names what shows it ("yellow leaves are the usual signs of overwatering"), and a
    /// method's cue ("through", "by") would favour a sentence about doing something.
    public var readsRecognition: Bool = true
    /// Whether a question that names the attribute it asks for ("what temperature …", "what
    /// is the typical lifespan of X") asks for an amount or a span of time, as "how hot" and
    /// "how long" do (``attributeNouns``).
    public var readsAttributes: Bool = true
    /// Whether "when should/do/can …" asks for the condition something is done or happens
    /// under (``ParsedQuestion/asksCondition``), as well as for a date or a span of time.
    public var readsConditions: Bool = true

    /// WordNet, when installed: with it, a misspelt comparison word ("diffrence") is read as
    /// the word it misspells (see ``spellingOfCue(_:)``).
    public var lexicon: WordNetLexicon?

    public init(analyzer: Analyzer, readsDefinitionPhrasing: Bool = true, lexicon: WordNetLexicon? = nil) {
        self.analyzer = analyzer
        self.readsDefinitionPhrasing = readsDefinitionPhrasing
        self.lexicon = lexicon
    }

    /// The shortest comparison word a misspelling is read as: shorter ones ("vs", "differ")
    /// lie one edit away from too many other words.
    static let shortestCorrectedCue = 7

    /// The comparison words a misspelling may be read as, as scalars, in a fixed order.
    static let correctableCues: [(word: String, scalars: [Unicode.Scalar])] = comparisonWords
        .filter { $0.utf8.count >= shortestCorrectedCue }.sorted().map { ($0, Array($0.unicodeScalars)) }

    /// The comparison word `word` misspells, if any: a word English does not have (by the
    /// lexicon) one edit (an insertion, deletion, substitution or swap of neighbours) from a
    /// comparison word of at least ``shortestCorrectedCue`` letters. Without the lexicon no
    /// word is read as a misspelling, since a real word could not be told from a typo.
    ///
    /// "diffrence between X and Y" asks what "difference between X and Y" asks; read as it
    /// is spelled, it is no comparison, and its one answer describes one side only.
    func spellingOfCue(_ word: String) -> String? {
        guard let lexicon, word.utf8.count >= Self.shortestCorrectedCue - 1,
              !Self.comparisonWords.contains(word), !analyzer.stopWords.contains(word) else { return nil }
        let scalars = Array(word.unicodeScalars)
        guard let cue = Self.correctableCues.first(where: { editDistance(scalars, $0.scalars, limit: 1) <= 1 }),
              !lexicon.contains(word) else { return nil }
        return cue.word
    }

    /// Adverbs that may stand between "what" and its verb ("what exactly is …").
    static let hedges: Set<String> = ["exactly", "actually", "really", "precisely", "basically"]

    /// Verbs that, followed by "as", ask what something is ("what counts as X").
    static let countingVerbs: Set<String> = ["counts", "count", "qualifies"]

    /// Words that, right after "how", turn it into a quantity or duration question and
    /// carry no topic themselves.
    static let howModifiers: [String: QuestionKind] = [
        "long": .duration, "many": .quantity, "much": .quantity, "often": .quantity,
        "soon": .time, "old": .quantity, "far": .quantity, "big": .quantity, "large": .quantity,
    ]

    /// Verbs of finding out that, in "how can I tell if …", ask for signs, not a method.
    static let recognitionVerbs: Set<String> = ["tell", "know", "recognise", "recognize"]

    /// Whether the words after "how" ask how to recognise something: an auxiliary and a
    /// subject, then a verb of ``recognitionVerbs`` and "if", "whether" or "when" ("how can
    /// I tell if", "how do you know whether", "how would one know when").
    static func asksForSigns(_ body: [String]) -> Bool {
        guard body.count > 4, body[0] == "how", auxiliaries.contains(body[1]) else { return false }
        return recognitionVerbs.contains(body[3]) && ["if", "whether", "when"].contains(body[4])
    }

    /// Adjectives of measure that, right after "how", ask for a number ("how tall", "how
    /// deep"). Unlike ``howModifiers`` they stay in the question: the answer often repeats
    /// them ("… 100 metres tall").
    static let measureAdjectives: Set<String> = [
        "tall", "high", "deep", "wide", "thick", "heavy", "fast", "hot", "cold", "warm", "expensive",
    ]

    /// Words that only frame a question ("tell me about", "explain").
    static let framingWords: Set<String> = [
        "tell", "explain", "describe", "please", "know", "want", "wondering", "question", "like",
        "thing", "things", "exactly", "actually", "basically",
        "difference", "differences", "different", "differ", "compare", "compared", "comparison",
        "versus", "vs", "mean", "means", "meaning", "define", "definition",
    ]

    /// Nouns that, before "of", ask for a kind of something ("what sort of X") and carry no topic.
    static let kindNouns: Set<String> = ["kind", "kinds", "sort", "sorts", "type", "types"]

    /// Words that, right after "what", ask for items of a kind ("what types of …", "what
    /// forms can X take").
    static let listNouns: Set<String> = [
        "kind", "kinds", "type", "types", "sort", "sorts", "form", "forms", "variety", "varieties",
        "category", "categories", "class", "classes",
    ]

    /// Words that open what follows a verb (an article, a preposition other than "of", a
    /// conjunction of time or condition): after "what forms" they show "forms" is the verb.
    static let objectOpeners: Set<String> = [
        "the", "a", "an", "in", "on", "at", "into", "onto", "inside", "under", "over", "from", "around",
        "between", "during", "after", "before", "when", "where", "while", "if", "as",
    ]

    /// Forms of "happen", which after "what" ask for a consequence and carry no topic.
    static let happenings: Set<String> = ["happen", "happens", "happened", "happening"]

    /// Conjunctions that open the condition a consequence follows from ("what happens *if*
    /// …", "*once* …", "*as* it rises"); "what happened in 1989" asks for an event instead.
    static let conditions: Set<String> = ["when", "whenever", "if", "once", "after", "as", "unless", "until", "before"]

    /// Auxiliary verbs: after "what" and one more word they show that word to be a noun
    /// ("what kit *do* I need"); between "what" and "happen" they leave it a consequence
    /// ("what *will* happen").
    static let auxiliaries: Set<String> = [
        "do", "does", "did", "is", "are", "was", "were", "can", "could", "should", "would", "will", "may", "might", "must",
    ]

    /// Auxiliaries that, after "when", ask about what is done or happens as a rule rather
    /// than about one past event ("when should", "when do"; not "when did", "when was").
    static let habitualAuxiliaries: Set<String> = [
        "do", "does", "should", "can", "could", "must", "will", "would", "may", "might",
    ]

    /// Time words that make "what …" a time question ("what year").
    static let timeNouns: Set<String> = ["year", "date", "day", "month", "time", "century", "decade"]

    /// Nouns that name a measurable attribute, with the kind of answer they ask for and the
    /// units it is stated in, when asked for as "what NOUN …" or "what is the (one word)
    /// NOUN of …": "what temperature …" is "how hot", "the typical lifespan of X" is "how
    /// long X lasts".
    static let attributeNouns: [String: (kind: QuestionKind, measure: Measure?)] = [
        "duration": (.duration, nil), "lifespan": (.duration, nil), "lifetime": (.duration, nil),
        "cost": (.quantity, nil), "price": (.quantity, nil), "age": (.quantity, nil),
        "number": (.quantity, nil), "amount": (.quantity, nil), "quantity": (.quantity, nil),
        "temperature": (.quantity, .temperature), "height": (.quantity, .length), "depth": (.quantity, .length),
        "width": (.quantity, .length), "distance": (.quantity, .length), "weight": (.quantity, .mass),
        "speed": (.quantity, .speed),
    ]

    /// Words between "what" and an attribute noun that leave it the thing asked for.
    static let attributeLeadIns: Set<String> = ["is", "was", "are", "were", "s", "the", "a", "an", "its", "their"]

    /// The attribute a question asks for by naming it (``attributeNouns``) right after its
    /// question word: "what" or "what's", the lead-in words of ``attributeLeadIns``, at most
    /// one more word ("typical", "minimum"), then the noun. Nil for any other question.
    static func askedAttribute(_ body: ArraySlice<String>) -> (kind: QuestionKind, measure: Measure?)? {
        guard let first = body.first, ["what", "what's", "whats"].contains(first) else { return nil }
        var modifiers = 0
        for word in body.dropFirst().prefix(5) {
            if let attribute = attributeNouns[word] { return attribute }
            if attributeLeadIns.contains(word) { continue }
            modifiers += 1
            if modifiers > 1 { return nil }
        }
        return nil
    }

    /// The most content words of one question that are matched. A question is a few dozen
    /// words; a pasted megabyte is answered on its opening words instead of being matched
    /// word by word against the corpus and the lexicon.
    public static let maximumTerms = 64

    /// Parses `question`.
    public func parse(_ question: String) -> ParsedQuestion {
        var tokens = analyzer.tokenizer.words(in: question)
        for i in tokens.indices {
            if let cue = spellingOfCue(tokens[i].surface) { tokens[i].surface = cue }
        }
        let words = tokens.map(\.surface)
        let kind = classify(words)
        var dropped = Set<String>()
        if kind == .comparison || kind == .definition {
            dropped.formUnion(Self.framingWords)
            if !readsKindNouns { dropped.formUnion(["kind", "sort", "type", "types"]) }
            // "What counts as X?": the verb only asks what X is.
            if kind == .definition, readsDefinitionPhrasing { dropped.formUnion(Self.countingVerbs) }
        } else {
            dropped.formUnion(["tell", "explain", "describe", "please"])
        }
        // "What happens when X": the verb only asks for a consequence.
        if kind == .consequence { dropped.formUnion(Self.happenings) }
        // "What causes X": the verb only asks for a reason.
        let opening = Self.body(of: words)
        if readsCauseVerbs, kind == .reason, opening.first?.hasPrefix("what") == true,
           opening.dropFirst().first.map(Self.causeVerbs.contains) == true {
            dropped.formUnion(Self.causeVerbs)
        }
        // "how long", "how many": the modifier word is phrasing, not topic.
        var skipped = Set<Int>()
        var counted: String?
        var countedPhrase: [String] = []
        var asksFrequency = false
        var measure: Measure?
        for (i, token) in tokens.enumerated() where token.surface == "how" && i + 1 < tokens.count {
            if Self.howModifiers[tokens[i + 1].surface] != nil { skipped.insert(i + 1) }
            if tokens[i + 1].surface == "often" { asksFrequency = true }
            if measure == nil { measure = Measure.asked(by: tokens[i + 1].surface) }
            if counted == nil, ["many", "much"].contains(tokens[i + 1].surface), i + 2 < tokens.count,
               !analyzer.stopWords.contains(tokens[i + 2].surface) {
                counted = analyzer.stem(tokens[i + 2].surface)
                if tokens[i + 1].surface == "many" {
                    countedPhrase = tokens[(i + 2)...].prefix { !analyzer.stopWords.contains($0.surface) }.map(\.surface)
                }
            }
        }
        // "How long does X last": the verb, like "long", only asks for a span of time; "the
        // last train" is a word of the topic, so only a "last" that ends the question or
        // comes before a function word is left out.
        if readsDurationVerbs, kind == .duration {
            for i in tokens.indices where Self.durationVerbs.contains(tokens[i].surface)
                && (i + 1 == tokens.count || analyzer.stopWords.contains(tokens[i + 1].surface)) {
                skipped.insert(i)
            }
        }
        let body = Self.body(of: words)
        if readsAttributes, measure == nil, let attribute = Self.askedAttribute(body) {
            measure = attribute.measure
        }
        // "What kind of X is Y", "which types of X": in a question that asks what something
        // is or which ones, the noun before "of" only asks for a kind. Elsewhere it may be the
        // topic ("What is a type?", "python's sort"), and in "Is there more than one kind of
        // X?" it is what is asked.
        if readsKindNouns, [.definition, .comparison, .list].contains(kind) {
            for i in tokens.indices.dropLast() where Self.kindNouns.contains(tokens[i].surface) && tokens[i + 1].surface == "of" {
                skipped.insert(i)
            }
        }
        // Only the first content words are stemmed and matched (see maximumTerms).
        let content = tokens.enumerated().lazy.filter { position, token in
            !skipped.contains(position) && !dropped.contains(token.surface) && !analyzer.stopWords.contains(token.surface)
        }.map(\.element).prefix(Self.maximumTerms)
        let terms = analyzer.terms(of: Array(content))
        var sides: [[AnalyzedTerm]] = []
        if kind == .comparison {
            sides = Self.comparisonSides(question: question, tokens: tokens, terms: terms)
        } else if let alternatives = Self.alternatives(in: question, words: words, tokens: tokens, terms: terms) {
            sides = alternatives
        }
        let auxiliary = kind == .yesNo ? Self.body(of: words).first : nil
        let asksCondition = readsConditions && kind == .time && body.first == "when"
            && body.dropFirst().first.map(Self.habitualAuxiliaries.contains) == true
        return ParsedQuestion(text: question, kind: kind, terms: terms, sides: sides, auxiliary: auxiliary, counted: counted,
                              countedPhrase: countedPhrase, asksFrequency: asksFrequency, measure: kind == .quantity ? measure : nil,
                              denies: AnswerCues.isNegated(words), asksCondition: asksCondition)
    }

    /// The verb of "how long does X last", which asks for a span of time.
    static let durationVerbs: Set<String> = ["last", "lasts"]

    /// The verb of "what causes X", which asks for a reason.
    static let causeVerbs: Set<String> = ["cause", "causes", "caused"]

    /// Words that alone make a question a comparison.
    static let comparisonWords: Set<String> = [
        "difference", "differences", "vs", "versus", "compare", "compared", "differ", "comparison",
    ]

    /// Discourse words that may come before the question word ("so", "and", "ok").
    static let openers: Set<String> = ["so", "and", "but", "ok", "okay", "well", "hi", "hey", "please", "then", "also"]

    /// The question's words from its question word on, leading discourse words skipped.
    static func body(of words: [String]) -> ArraySlice<String> {
        words.drop { openers.contains($0) }
    }

    func classify(_ words: [String]) -> QuestionKind {
        // Whole-word tests on the words themselves (a word never holds a space), rather than
        // substring searches of the joined question.
        if words.contains(where: Self.comparisonWords.contains)
            || (words.contains("different") && words.contains("from")) {
            return .comparison
        }
        var body = Array(Self.body(of: words))
        guard let first = body.first else { return .other }
        if readsDefinitionPhrasing, first.hasPrefix("what"), body.count > 2, Self.hedges.contains(body[1]) {
            body.remove(at: 1)
        }
        let second = body.count > 1 ? body[1] : ""
        switch first {
        case "how":
            if let kind = Self.howModifiers[second] { return kind }
            if Self.measureAdjectives.contains(second) { return .quantity }
            if readsRecognition, Self.asksForSigns(body) { return .other }
            return .method
        case "why": return .reason
        case "when": return .time
        case "who", "whom", "whose": return .person
        case "where": return .place
        case "what", "what's", "whats", "which":
            if readsConsequences, first != "which",
               let verb = body.dropFirst().firstIndex(where: { !Self.auxiliaries.contains($0) }),
               Self.happenings.contains(body[verb]), body[(verb + 1)...].contains(where: Self.conditions.contains) {
                return .consequence
            }
            if Self.timeNouns.contains(second) { return .time }
            if readsAttributes, let attribute = Self.askedAttribute(body[...]) { return attribute.kind }
            if Self.causeVerbs.contains(second) { return .reason }
            if ["is", "are", "was", "were", "s"].contains(second) { return .definition }
            if readsDefinitionPhrasing {
                // "What's X" is "what is X" with the verb inside the first word.
                if first == "what's" || first == "whats" { return .definition }
                if first == "what", Self.countingVerbs.contains(second), body.count > 2, body[2] == "as" {
                    return .definition
                }
            }
            // "What X do/should/can …" and "what facial expressions cause …" ask "which X":
            // a noun phrase after "what", told by the auxiliary after its one word or, with
            // WordNet, by a first word that cannot be a verb ("what makes X" is no list).
            if readsNounPhrases, first == "what", body.count > 2, !analyzer.stopWords.contains(second),
               !Self.hedges.contains(second),
               Self.auxiliaries.contains(body[2]) || lexicon.map({ $0.contains(second) && !$0.canBeVerb(second) }) == true {
                return .list
            }
            // "Which X …" picks items out of several; so does "what kinds of X …". A list
            // noun that is also a verb ("What forms on a cold window?") is the verb when an
            // article or a preposition other than "of" follows it.
            let third = body.count > 2 ? body[2] : ""
            if first == "which" || Self.listNouns.contains(second) && !Self.objectOpeners.contains(third) { return .list }
            return .other
        case "define", "definition", "meaning": return .definition
        case "is", "are", "can", "could", "does", "do", "did", "was", "were", "will", "would",
             "should", "has", "have", "may", "might", "must", "isn't", "aren't", "doesn't", "don't",
             "can't", "won't":
            return .yesNo
        default:
            // "In what year …?", "by how much …", "kettle how long": the question word comes
            // after a phrase that sets the scene; the question starts there.
            if readsLeadingPhrases, let start = body.firstIndex(where: Self.questionWords.contains) {
                let kind = classify(Array(body[start...]))
                if kind != .other { return kind }
            }
            if words.contains("duration") || words.contains("long") && words.contains("last") { return .duration }
            return .other
        }
    }

    /// Words that open a question of a kind ``classify(_:)`` reads from there on.
    static let questionWords: Set<String> = ["what", "what's", "whats", "which", "how", "why", "when", "who", "whom", "whose", "where"]

    /// The two sides of a question that offers a choice after a comma ("Which lasts longer,
    /// X or Y?", "What is cheaper, X or the Y?"), opened by "which", "what" or "who": the
    /// terms between the comma and "or", and those after it. Nil for any other question.
    static func alternatives(in question: String, words: [String], tokens: [WordToken], terms: [AnalyzedTerm]) -> [[AnalyzedTerm]]? {
        guard let first = body(of: words).first, ["which", "what", "who"].contains(first),
              let comma = question.utf8.lastIndex(of: UInt8(ascii: ",")) else { return nil }
        let afterComma = question.utf8.distance(from: question.utf8.startIndex, to: comma) + 1
        let tail = tokens.filter { $0.range.lowerBound >= afterComma }
        guard let or = tail.first(where: { $0.surface == "or" }) else { return nil }
        let left = terms.filter { $0.range.lowerBound >= afterComma && $0.range.upperBound <= or.range.lowerBound }
        let right = terms.filter { $0.range.lowerBound >= or.range.upperBound }
        guard !left.isEmpty, !right.isEmpty else { return nil }
        return [left, right]
    }

    /// Splits a comparison's terms into its two sides around "and", "vs", "versus", "or",
    /// "from", "with" or "to" ("compare X to Y").
    static func comparisonSides(question: String, tokens: [WordToken], terms: [AnalyzedTerm]) -> [[AnalyzedTerm]] {
        let separators: Set<String> = ["and", "vs", "versus", "or", "from", "with", "to", "against"]
        guard let split = tokens.last(where: { separators.contains($0.surface) }) else { return [] }
        let left = terms.filter { $0.range.upperBound <= split.range.lowerBound }
        let right = terms.filter { $0.range.lowerBound >= split.range.upperBound }
        guard !left.isEmpty, !right.isEmpty else { return [] }
        return [left, right]
    }
}
