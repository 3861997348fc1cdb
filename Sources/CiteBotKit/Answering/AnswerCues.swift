/// Surface cues that a sentence holds the kind of answer a question asks for (a span of
/// time, a causal connective, a definition of the subject); ``AnswerSpans`` reads the span
/// that answers it off the sentence.
///
/// Every cue is a feature of English in general (numbers, units of time, causal
/// connectives), never of a particular text.
public enum AnswerCues {
    /// Seasons and times of day, which answer "when" without a number ("in late autumn",
    /// "at night"). "Fall" is left out: it is far more often the verb.
    static let timesOfYearAndDay: Set<String> = [
        "spring", "summer", "autumn", "winter", "morning", "afternoon", "evening", "night", "nights",
        "dawn", "dusk", "noon", "midnight", "daytime", "nighttime",
    ]

    /// Words that say how often without a number ("daily", "twice"); hedges such as
    /// "usually" or "often" are left out, since they qualify sentences that say no frequency.
    static let frequencyWords: Set<String> = [
        "hourly", "daily", "nightly", "weekly", "fortnightly", "monthly", "quarterly", "yearly",
        "annually", "once", "twice", "thrice", "always", "never",
    ]

    /// Whether `words` say how often something happens: a frequency word ("daily",
    /// "twice"), or "every", "each" or "per" before a unit or time of day, counted or not
    /// ("every morning", "every two to four weeks").
    static func statesFrequency(_ words: [String]) -> Bool {
        words.indices.contains { i in
            frequencyWords.contains(words[i])
                || (["every", "each", "per"].contains(words[i]) && namesPeriod(after: i, in: words))
        }
    }

    /// Whether a unit of time or a time of day follows `words[i]`, directly or after a count
    /// ("every morning", "every two to four weeks", "every other day").
    static func namesPeriod(after i: Int, in words: [String]) -> Bool {
        var next = i + 1
        while next < words.count, next <= i + 4,
              AnswerSpans.isNumber(words[next]) || ["to", "or", "other", "few", "couple", "of"].contains(words[next]) {
            next += 1
        }
        guard next < words.count else { return false }
        return AnswerSpans.timeUnits.contains(words[next]) || timesOfYearAndDay.contains(words[next])
    }

    /// Connectives that introduce a cause or purpose.
    static let reasonCues: [[String]] = [
        ["because"], ["since"], ["due", "to"], ["owing", "to"], ["thanks", "to"], ["caused"],
        ["cause"], ["causes"], ["result"], ["results", "from"], ["consequence"], ["brought", "about"],
        ["lead", "to"], ["leads", "to"], ["so", "that"], ["in", "order", "to"], ["therefore"],
        ["hence"], ["thus"], ["reason"], ["why"],
    ]

    /// Connectives that draw a conclusion from what came before: the sentence holding one
    /// is the result, and the reason is elsewhere.
    static let conclusionWords: Set<String> = ["therefore", "hence", "thus"]

    /// Whether the words show a reason cue (``matches(_:words:)`` for ``QuestionKind/reason``)
    /// only as a conclusion drawn ("Thus, X."), with no connective that gives a cause or a
    /// purpose inside the sentence ("because", "in order to").
    static func onlyDrawsConclusion(_ words: [String]) -> Bool {
        guard words.contains(where: conclusionWords.contains) else { return false }
        return !matches(.reason, words: words.filter { !conclusionWords.contains($0) })
    }

    /// ``reasonCues`` filed for search.
    static let reasonCueSet = PhraseSet(reasonCues)

    /// Conjunctions that open a condition, and connectives that introduce a result: a
    /// sentence that says what follows from something ("When the signal stops, the muscle
    /// relaxes", "As a result, …").
    static let consequenceCues: [[String]] = [
        ["when"], ["whenever"], ["once"], ["if"], ["after"], ["unless"], ["until"], ["without"],
        ["as", "a", "result"], ["consequently"], ["result"], ["results"], ["resulting"],
        ["lead", "to"], ["leads", "to"], ["then"],
    ]

    /// ``consequenceCues`` filed for search.
    static let consequenceCueSet = PhraseSet(consequenceCues)

    /// Words that deny what follows them ("not", "never"); verbs ending in "n't" do too.
    static let negations: Set<String> = ["not", "no", "never", "cannot", "nor", "neither"]

    /// Whether a (lower-cased) word denies what follows it: a negation or a verb in "n't".
    static func isNegation(_ word: String) -> Bool {
        negations.contains(word) || word.hasSuffix("n't")
    }

    /// Whether `words` (lower-cased) deny something (``isNegation(_:)``).
    static func isNegated(_ words: [String]) -> Bool {
        words.contains(where: isNegation)
    }

    /// Phrases that describe how something works.
    static let methodCues: [[String]] = [
        ["works", "by"], ["work", "by"], ["by"], ["through"], ["using"], ["uses"], ["use"], ["via"],
        ["process"], ["step"], ["steps"],
    ]

    /// ``methodCues`` filed for search.
    static let methodCueSet = PhraseSet(methodCues)

    /// Method cues that are prepositions of time as well: "by 1500", "through the winter".
    static let temporalPrepositions: Set<String> = ["by", "through"]

    /// Words that may stand between a preposition and the time it names ("through *the*
    /// winter", "by *late* March").
    static let timeModifiers: Set<String> = [
        "the", "a", "an", "this", "that", "next", "last", "each", "every", "early", "late", "mid", "then",
    ]

    /// Whether `words` describe how something is done (``methodCues``), a preposition that
    /// names a time instead ("through the winter", "by 1500", "by then") aside.
    static func describesMethod(_ words: [String]) -> Bool {
        methodCueSet.occurs(in: words) { range in
            guard range.count == 1, temporalPrepositions.contains(words[range.lowerBound]) else { return true }
            var next = range.upperBound
            while next < words.count, timeModifiers.contains(words[next]) {
                if words[next] == "then" { return false }
                next += 1
            }
            guard next < words.count else { return true }
            let word = words[next]
            let namesTime = AnswerSpans.timeUnits.contains(word) || timesOfYearAndDay.contains(word)
                || AnswerSpans.months.contains(word) || AnswerSpans.isYear(word) || word.first?.isNumber == true
            return !namesTime
        }
    }

    /// Verbs that, right after the question's subject, say what it is or has.
    static let definitionVerbs: Set<String> = [
        "is", "are", "was", "were", "means", "mean", "refers", "refer", "consists", "consist",
        "contains", "contain", "comprises", "comprise", "includes", "include", "uses", "use",
    ]

    /// Whether a sentence shows a cue for `kind`: the one entry point for every kind.
    ///
    /// - Parameters:
    ///   - tokens: the sentence's words (stop words included), from ``Tokenizer``.
    ///   - subject: the question's terms (stems), which a definition must open with.
    ///   - naming: whether a sentence that gives the subject as a name ("… known as X")
    ///     counts as defining it (see ``namesSubject(_:subject:stem:)``).
    ///   - auxiliary: the verb a yes/no question opens with ("can"); see ``echoesAuxiliary(_:_:)``.
    ///   - apposition: whether a sentence that describes the subject in apposition ("X, which
    ///     …") counts as defining it (see ``describesInApposition(_:in:subject:stem:)``).
    ///   - names: whether a proper name the question lacks is the cue for "who" (see
    ///     ``namesSomeone(_:in:besides:stem:)``); without it "who" has no cue.
    public static func matches(
        _ kind: QuestionKind, tokens: [WordToken], in text: String, subject: Set<String>, stem: (String) -> String,
        naming: Bool = true, auxiliary: String? = nil, apposition: Bool = true, names: Bool = true
    ) -> Bool {
        if kind == .person { return names && namesSomeone(tokens, in: text, besides: subject, stem: stem) }
        if kind == .yesNo { return auxiliary.map { echoesAuxiliary(tokens.map(\.surface), $0) } ?? false }
        if kind == .definition {
            return definesSubject(tokens, in: text, subject: subject, stem: stem)
                || apposition && describesInApposition(tokens, in: text, subject: subject, stem: stem)
                || naming && namesSubject(tokens.map(\.surface), subject: subject, stem: stem)
        }
        if kind == .list { return enumerates(tokens, in: text) }
        return matches(kind, words: tokens.map(\.surface))
    }

    /// Whether any sentence can show a cue for `kind`: false for the kinds that have none,
    /// so a caller can skip reading the sentence at all.
    public static func canMatch(_ kind: QuestionKind) -> Bool {
        switch kind {
        case .duration, .quantity, .time, .reason, .method, .definition, .list, .yesNo, .person, .consequence: return true
        case .place, .comparison, .other: return false
        }
    }

    /// Whether `words` (the sentence's lower-cased words, stop words included) show a cue for
    /// `kind`, for every kind whose cue is in the words alone (not definitions, lists or yes/no).
    public static func matches(_ kind: QuestionKind, words: [String]) -> Bool {
        switch kind {
        case .duration: return AnswerSpans.durationSpan(in: words) != nil || words.contains(where: AnswerSpans.permanenceWords.contains)
        case .quantity: return words.indices.contains { AnswerSpans.counts(at: $0, in: words, stopWords: StopWords.english) }
        case .time:
            return words.contains { AnswerSpans.isYear($0) || AnswerSpans.months.contains($0) || timesOfYearAndDay.contains($0) }
                || AnswerSpans.durationSpan(in: words) != nil || words.contains(where: AnswerSpans.permanenceWords.contains)
        case .reason: return reasonCueSet.occurs(in: words) || statesResultOfDegree(words) || statesPurpose(words)
        case .method: return describesMethod(words)
        case .consequence: return consequenceCueSet.occurs(in: words)
        case .definition: return false  // needs the subject: see matches(_:tokens:in:subject:stem:)
        case .list: return false  // needs the commas: see enumerates(_:in:)
        case .yesNo: return false  // needs the question's verb: see echoesAuxiliary(_:_:)
        case .person: return false  // needs the casing and the question: see namesSomeone(_:in:besides:stem:)
        case .place, .comparison, .other: return false
        }
    }

    /// Whether the words state a condition: "when", "whenever", "until", "unless", "if" or
    /// "as soon as" ("… should be descaled when white scale covers the element"). "Once" is
    /// left out: it more often counts ("once a week") than opens a condition.
    static func statesCondition(_ words: [String]) -> Bool {
        conditionCueSet.occurs(in: words)
    }

    /// The conjunctions of ``statesCondition(_:)``, filed for search; ``AnswerSpans`` reads
    /// the clause each opens from them too.
    static let conditionCueSet = PhraseSet([
        ["when"], ["whenever"], ["until"], ["unless"], ["if"], ["as", "soon", "as"],
    ])

    /// Whether the words give a purpose with "so" and a modal verb, "that" left out: "… opens
    /// early so the pressure can fall", "so it will not crack".
    /// The modal must be the second, third or fourth word after "so", its subject between,
    /// which "so" as a degree ("so soft and the crust can …") does not give.
    static func statesPurpose(_ words: [String]) -> Bool {
        for (i, word) in words.enumerated() where word == "so" {
            if words[(i + 1)...].prefix(4).dropFirst().contains(where: purposeModals.contains) { return true }
        }
        return false
    }

    /// Modal verbs that, after "so" and a subject, make a clause of purpose.
    static let purposeModals: Set<String> = ["can", "could", "will", "would", "may", "might", "cannot", "won't", "can't"]

    /// Whether the words say that one thing followed from how much of another there was:
    /// "so much" (or "many", "few", "little") and, later in the sentence, "that" ("It threw so
    /// much ash into the air that temperatures fell"). The words between may be many, so no
    /// fixed phrase of ``reasonCues`` holds it.
    static func statesResultOfDegree(_ words: [String]) -> Bool {
        for (i, word) in words.enumerated().dropLast(2) where word == "so" && ["much", "many", "few", "little"].contains(words[i + 1]) {
            if words[(i + 2)...].contains("that") { return true }
        }
        return false
    }

    /// Whether `text` opens by defining its subject: within its first ten words, words
    /// of `subject` (stems) followed by a colon or a defining verb ("X are …", "X: these …",
    /// "X contain …").
    public static func definesSubject(_ words: [WordToken], in text: String, subject: Set<String>, stem: (String) -> String) -> Bool {
        let head = Array(words.prefix(10))
        guard let start = head.firstIndex(where: { subject.contains(stem($0.surface)) }) else { return false }
        var end = start
        while end + 1 < head.count, subject.contains(stem(head[end + 1].surface)) { end += 1 }
        let gapStart = head[end].range.upperBound
        let gapEnd = end + 1 < head.count ? head[end + 1].range.lowerBound : text.utf8.count
        if gapStart < gapEnd, labelsWithColon(text.utf8.dropFirst(gapStart).prefix(gapEnd - gapStart),
                                                   endsText: gapEnd == text.utf8.count) {
            return true
        }
        guard end + 1 < head.count else { return false }
        var verb = head[end + 1].surface
        // "X shall mean …", "X will include …": look past the modal.
        if ["shall", "will", "can", "may"].contains(verb), end + 2 < head.count { verb = head[end + 2].surface }
        return definitionVerbs.contains(verb)
    }

    /// Whether the sentence opens with a word of `subject` (stems), after determiners only:
    /// "Kettles are …", "A kettle consists of …", "The kettle …".
    static func opensWith(_ subject: Set<String>, words: [String], stem: (String) -> String) -> Bool {
        guard let first = words.firstIndex(where: { !openingDeterminers.contains($0) }) else { return false }
        return subject.contains(stem(words[first]))
    }

    /// Words that may come before a sentence's subject.
    static let openingDeterminers: Set<String> = ["a", "an", "the", "this", "these", "that", "those", "each", "every", "any", "some", "all"]

    /// Whether the bytes between two words (or after the last, when `endsText`) hold a colon
    /// that ends a label ("X: these …"): one followed by white space or ending the text. A
    /// colon inside markup, an address or a time (":pep:`6`", "http://", "10:30") introduces
    /// nothing.
    static func labelsWithColon(_ gap: Substring.UTF8View, endsText: Bool) -> Bool {
        if endsText, gap.last == UInt8(ascii: ":") { return true }
        return zip(gap, gap.dropFirst()).contains { byte, next in byte == UInt8(ascii: ":") && Addresses.isSpace(next) }
    }

    /// Whether the sentence gives a proper name the question does not: a capitalised word
    /// other than the sentence's first ("… through Baltic merchants", "… by Anna Berg"), which
    /// is what "who" asks for. A name the question already holds ("Who brought salt to
    /// Norway?" and "… across Norway") is its topic, not its answer; "I" ("I'm") is no name, and a
    /// capital after a colon or an opening quote starts a clause ("X: This …").
    ///
    /// - Parameter question: the question's terms, as stems that `stem` gives.
    public static func namesSomeone(_ words: [WordToken], in text: String, besides question: Set<String>,
                                    stem: (String) -> String) -> Bool {
        words.indices.dropFirst().contains { i in
            let word = words[i]
            guard !isFirstPerson(word.surface), !namesATime(word.surface),
                  CorpusIndex.slice(text, word.range).first?.isUppercase == true,
                  !question.contains(stem(word.surface)) else { return false }
            // After a colon or an opening quote a capital starts a clause ("X: This …").
            let gap = CorpusIndex.slice(text, words[i - 1].range.upperBound..<word.range.lowerBound)
            return !gap.contains { clauseOpeners.contains($0) }
        }
    }

    /// Days of the week and the abbreviations of eras: capitalised words that name a time.
    static let capitalisedTimes: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "bc", "bce", "ad", "ce",
    ]

    /// Whether a (lower-cased) word names a time though written with a capital ("March",
    /// "Sunday", "280 BC"): no one's name.
    static func namesATime(_ surface: String) -> Bool {
        capitalisedTimes.contains(surface) || AnswerSpans.months.contains(surface)
    }

    /// Whether a word is "I", alone or with a verb after an apostrophe ("I'm", "I’ve"; the
    /// tokenizer folds typographic apostrophes to `'`): a capital that names no one.
    static func isFirstPerson(_ surface: String) -> Bool {
        surface == "i" || surface.hasPrefix("i'")
    }

    /// Characters after which a capital letter starts a clause rather than a name.
    static let clauseOpeners: Set<Character> = [":", "\"", "“", "«", "(", "["]

    /// Words that, after a comma, open a clause or phrase describing the noun before it:
    /// "X, which …", "X, who …", "X, a …".
    static let appositionOpeners: Set<String> = ["which", "who", "a", "an"]

    /// Whether the sentence describes its subject in apposition wherever it names it: the
    /// subject's words (all of them, or at least two) followed by a comma and
    /// ``appositionOpeners`` ("… keep the dough in a proofing box, which holds it warm …").
    static func describesInApposition(_ words: [WordToken], in text: String, subject: Set<String>,
                                      stem: (String) -> String) -> Bool {
        let bytes = text.utf8
        var i = 0
        while i + 1 < words.count {
            guard subject.contains(stem(words[i].surface)) else {
                i += 1
                continue
            }
            var end = i
            while end + 1 < words.count, subject.contains(stem(words[end + 1].surface)) { end += 1 }
            guard end + 1 < words.count else { return false }
            // One word of a longer subject before a comma is as likely to end a clause
            // ("after sorting, a …") as to be described.
            let named = Set(words[i...end].map { stem($0.surface) }).count
            guard named >= min(2, subject.count) else {
                i = end + 1
                continue
            }
            let gap = bytes.dropFirst(words[end].range.upperBound).prefix(words[end + 1].range.lowerBound - words[end].range.upperBound)
            // Any white space may stand around the comma: prose is often wrapped by hand.
            if gap.allSatisfy({ $0 == UInt8(ascii: ",") || Addresses.isSpace($0) }), gap.contains(UInt8(ascii: ",")),
               appositionOpeners.contains(words[end + 1].surface) {
                return true
            }
            i = end + 1
        }
        return false
    }

    /// Auxiliary verbs that say the same thing about their clause, with their negations: a
    /// statement that answers "Can X …?" says what X can, may or cannot do; one that answers
    /// "Is X …?" says what X is or is not. "Do"/"does" has no family: a statement answering
    /// "Does X work?" says "X works", without the auxiliary.
    static let auxiliaryFamilies: [Set<String>] = [
        ["is", "are", "was", "were", "be", "isn't", "aren't", "wasn't", "weren't"],
        ["can", "could", "may", "might", "can't", "cannot", "couldn't"],
        ["will", "would", "won't", "wouldn't"],
        ["should", "must", "shouldn't", "mustn't"],
        ["has", "have", "had", "hasn't", "haven't"],
    ]

    /// Whether the sentence's `words` hold a verb of the same family as the `auxiliary` a
    /// yes/no question opens with (``auxiliaryFamilies``), affirmed or negated: the sentence
    /// asserts or denies what the question asks about.
    public static func echoesAuxiliary(_ words: [String], _ auxiliary: String) -> Bool {
        guard let family = auxiliaryFamilies.first(where: { $0.contains(auxiliary) }) else { return false }
        return words.contains(where: family.contains)
    }

    /// Words that set two things against each other in one sentence.
    static let contrastWords: Set<String> = [
        "while", "whilst", "whereas", "but", "however", "unlike", "contrast", "instead",
        "differ", "differs", "different", "difference", "than",
    ]

    /// Whether the sentence's `words` set the `sides` of a comparison against each other
    /// ("X lasts longer than Y", "unlike X, Y …", "X …, whereas Y …"): a contrast word that
    /// opens the sentence, or one that stands after a word of one side and before a word of
    /// another. With every side on one side of it ("X and Y both cost more than
    /// water"), the contrast word compares something else.
    ///
    /// - Parameter sides: each side's terms (stems, as `stem` gives them).
    /// - Complexity: O(words × sides).
    public static func contrasts(_ words: [String], sides: [Set<String>], stem: (String) -> String) -> Bool {
        let side = words.map { word in sides.firstIndex { $0.contains(stem(word)) } }
        for (position, word) in words.enumerated() where contrastWords.contains(word) {
            if position == 0 { return true }
            let before = Set(side[..<position].compactMap { $0 })
            let after = Set(side[(position + 1)...].compactMap { $0 })
            if before.contains(where: { first in after.contains { $0 != first } }) { return true }
        }
        return false
    }

    /// Phrases that introduce examples or members of a group.
    static let enumerationPhrases: [[String]] = [
        ["such", "as"], ["including"], ["includes"], ["include"], ["for", "example"], ["for", "instance"],
    ]

    /// ``enumerationPhrases`` filed for search.
    static let enumerationPhraseSet = PhraseSet(enumerationPhrases)

    /// The most words a list item after a comma may have ("…, pears, and a bowl of plums").
    static let listItemWords = 5

    /// Whether the sentence lists items: a phrase that introduces examples ("such as",
    /// "including", "for example"), or a series "A, B and C" / "A, B, or C", found as a
    /// stretch after a comma of at most ``listItemWords`` words that holds "and" or "or".
    ///
    /// - Parameter words: the sentence's words, from ``Tokenizer``, with ranges into `text`.
    /// - Complexity: O(bytes of `text` + words).
    public static func enumerates(_ words: [WordToken], in text: String) -> Bool {
        if enumerationPhraseSet.occurs(in: words.map(\.surface)) { return true }
        var commas: [Int] = []
        for (offset, byte) in text.utf8.enumerated() where byte == UInt8(ascii: ",") { commas.append(offset) }
        guard !commas.isEmpty else { return false }
        // Count each stretch's words and note whether it holds a conjunction.
        var stretch = 0
        var count = 0
        var joins = false
        for word in words {
            var next = stretch
            while next < commas.count, commas[next] < word.range.lowerBound { next += 1 }
            if next != stretch {
                if stretch > 0, count <= listItemWords, joins { return true }
                stretch = next
                count = 0
                joins = false
            }
            count += 1
            if word.surface == "and" || word.surface == "or" { joins = true }
        }
        return stretch > 0 && count <= listItemWords && joins
    }

    /// Phrases that introduce the name of what a sentence describes ("… are known as X").
    static let namingPhrases: [[String]] = [
        ["known", "as"], ["called"], ["termed"], ["referred", "to", "as"], ["defined", "as"], ["named"],
    ]

    /// Whether the sentence gives the subject as the name of what it describes: a naming
    /// phrase followed by words that are, together, every term of `subject` ("These are
    /// known as X", "… is called X"). Such a sentence, or the one it refers back to,
    /// defines X.
    static func namesSubject(_ words: [String], subject: Set<String>, stem: (String) -> String) -> Bool {
        guard !subject.isEmpty else { return false }
        for phrase in namingPhrases where phrase.count < words.count {
            for start in 0...(words.count - phrase.count - 1) where Array(words[start..<(start + phrase.count)]) == phrase {
                var named = Set<String>()
                var next = start + phrase.count
                while next < words.count, subject.contains(stem(words[next])) {
                    named.insert(stem(words[next]))
                    next += 1
                }
                if named == subject { return true }
            }
        }
        return false
    }
}
