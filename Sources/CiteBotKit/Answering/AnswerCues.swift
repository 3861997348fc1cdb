/// Surface cues that a sentence holds the kind of answer a question asks for, and
/// the short span that answers it when one can be read off.
///
/// Every cue is a feature of English in general (numbers, units of time, causal
/// connectives), never of a particular text.
public enum AnswerCues {
    /// Numbers written as words, up to twenty, plus vague quantities.
    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion",
        "several", "few", "dozen", "half", "couple",
    ]

    static let timeUnits: Set<String> = [
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
        "month", "months", "year", "years", "decade", "decades", "century", "centuries",
    ]

    /// Words that say how long without a number ("permanent", "temporarily"). They answer
    /// "how long" as a cue, but are no short answer: cut out of "not a permanent treatment"
    /// the word would say the opposite of its sentence.
    static let permanenceWords: Set<String> = [
        "lifetime", "permanent", "permanently", "temporary", "temporarily", "forever",
    ]

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]

    /// Seasons and times of day, which answer "when" without a number ("through the winter",
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
    /// "twice"), or "every", "each" or "per" before a unit or time of day ("every morning").
    static func statesFrequency(_ words: [String]) -> Bool {
        words.indices.contains { i in
            frequencyWords.contains(words[i])
                || (["every", "each", "per"].contains(words[i]) && i + 1 < words.count
                    && (timeUnits.contains(words[i + 1]) || timesOfYearAndDay.contains(words[i + 1])))
        }
    }

    /// Single words that, right before a number, qualify it ("about 3 months", "between 30
    /// and 90 euros", "every 30 minutes"); the two-word qualifiers "up to", "at least",
    /// "at most" and "… than" are read by ``qualifiedStart(_:in:)``.
    static let numberQualifiers: Set<String> = [
        "about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "under",
        "within", "only", "just", "exactly", "between", "every", "each",
    ]

    /// Where a number's span starts once the words qualifying it are taken in: "between 30
    /// and 90 euros" is one price range and "30 and 90 euros" two prices; "every 30
    /// minutes" is a frequency and "30 minutes" a duration; "no more than 5 percent" a limit.
    ///
    /// "to" counts only as "up to" ("walk to 3 shops" counts shops), and "than" with the
    /// comparative before it ("longer than", "more than", "no more than").
    ///
    /// - Parameter start: the index of the number's first word (or its article, "a year").
    static func qualifiedStart(_ start: Int, in words: [String]) -> Int {
        guard start > 0 else { return start }
        let before = words[start - 1]
        switch before {
        case "than":
            guard start >= 2 else { return start }
            var first = start - 2
            if first > 0, ["no", "not", "much", "far"].contains(words[first - 1]) { first -= 1 }
            return first
        case "to":
            return start >= 2 && words[start - 2] == "up" ? start - 2 : start
        case "least", "most":
            return start >= 2 && words[start - 2] == "at" ? start - 2 : start
        default:
            return numberQualifiers.contains(before) ? start - 1 : start
        }
    }

    /// Connectives that introduce a cause or purpose.
    static let reasonCues: [[String]] = [
        ["because"], ["since"], ["due", "to"], ["owing", "to"], ["thanks", "to"], ["caused"],
        ["cause"], ["causes"], ["result"], ["results", "from"], ["consequence"], ["brought", "about"],
        ["lead", "to"], ["leads", "to"], ["so", "that"], ["in", "order", "to"], ["therefore"],
        ["hence"], ["thus"], ["reason"], ["why"],
    ]

    /// ``reasonCues`` filed for search.
    static let reasonCueSet = PhraseSet(reasonCues)

    /// Phrases that describe how something works.
    static let methodCues: [[String]] = [
        ["works", "by"], ["work", "by"], ["by"], ["through"], ["using"], ["uses"], ["use"], ["via"],
        ["process"], ["step"], ["steps"],
    ]

    /// ``methodCues`` filed for search.
    static let methodCueSet = PhraseSet(methodCues)

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
    public static func matches(
        _ kind: QuestionKind, tokens: [WordToken], in text: String, subject: Set<String>, stem: (String) -> String,
        naming: Bool = true, auxiliary: String? = nil, apposition: Bool = true
    ) -> Bool {
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
        case .duration, .quantity, .time, .reason, .method, .definition, .list, .yesNo: return true
        case .person, .place, .comparison, .other: return false
        }
    }

    /// Whether `words` (the sentence's lower-cased words, stop words included) show a cue for
    /// `kind`, for every kind whose cue is in the words alone (not definitions, lists or yes/no).
    public static func matches(_ kind: QuestionKind, words: [String]) -> Bool {
        switch kind {
        case .duration: return durationSpan(in: words) != nil || words.contains(where: permanenceWords.contains)
        case .quantity: return words.indices.contains { counts(at: $0, in: words, stopWords: StopWords.english) }
        case .time:
            return words.contains { isYear($0) || months.contains($0) || timesOfYearAndDay.contains($0) }
                || durationSpan(in: words) != nil || words.contains(where: permanenceWords.contains)
        case .reason: return reasonCueSet.occurs(in: words)
        case .method: return methodCueSet.occurs(in: words)
        case .definition: return false  // needs the subject: see matches(_:tokens:in:subject:stem:)
        case .list: return false  // needs the commas: see enumerates(_:in:)
        case .yesNo: return false  // needs the question's verb: see echoesAuxiliary(_:_:)
        case .person, .place, .comparison, .other: return false
        }
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
        if gapStart < gapEnd, text.utf8.dropFirst(gapStart).prefix(gapEnd - gapStart).contains(UInt8(ascii: ":")) {
            return true
        }
        guard end + 1 < head.count else { return false }
        var verb = head[end + 1].surface
        // "X shall mean …", "X will include …": look past the modal.
        if ["shall", "will", "can", "may"].contains(verb), end + 2 < head.count { verb = head[end + 2].surface }
        return definitionVerbs.contains(verb)
    }

    /// Words that, after a comma, open a clause or phrase describing the noun before it:
    /// "X, which …", "X, who …", "X, a …".
    static let appositionOpeners: Set<String> = ["which", "who", "a", "an"]

    /// Whether the sentence describes its subject in apposition wherever it names it: the
    /// subject's words (all of them, or at least two) followed by a comma and
    /// ``appositionOpeners`` ("… fix it to a smart trainer, which adjusts the resistance …").
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
            if gap.allSatisfy({ $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: " ") }), gap.contains(UInt8(ascii: ",")),
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

    /// The words of a span of time ("3 to 4 months", "six weeks", "up to a year"), if any:
    /// the first of ``durationSpans(in:)``.
    public static func durationSpan(in words: [String]) -> Range<Int>? {
        durationSpans(in: words).first
    }

    /// Every span of time in `words` ("3 to 4 months", "a week"), in order; words of
    /// permanence (``permanenceWords``) are none.
    public static func durationSpans(in words: [String]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        for (i, word) in words.enumerated() where timeUnits.contains(word) {
            // Walk back over a number range such as "3 to 4", "two or three", "a few".
            var start = i
            var sawNumber = false
            var sawNumeral = false
            var j = i - 1
            while j >= 0 {
                let w = words[j]
                if isNumber(w) || w == "a" || w == "an" {
                    sawNumber = true
                    sawNumeral = sawNumeral || isNumber(w)
                    start = j
                } else if ["to", "or", "and"].contains(w), j > 0, isNumber(words[j - 1]) {
                    start = j
                } else {
                    break
                }
                j -= 1
            }
            // "a month" right after a quantity ("5 percent a month") is the quantity's rate, not a span.
            let isRate = !sawNumeral && (1...2).contains { start >= $0 && isNumber(words[start - $0]) }
            if sawNumber, !isRate { spans.append(qualifiedStart(start, in: words)..<(i + 1)) }
        }
        return spans
    }

    /// Whether a negation stands within the four words before `span` ("does not last 3
    /// months", "never more than a week"): the span alone would then say the opposite of
    /// its sentence, so it is no short answer. A qualifier inside the span ("no more than
    /// 5 percent") is part of it, not a negation of it.
    public static func isNegated(_ span: Range<Int>, in words: [String]) -> Bool {
        words[max(0, span.lowerBound - 4)..<span.lowerBound].contains { word in
            ["not", "never", "no", "cannot", "nor", "neither"].contains(word) || word.hasSuffix("n't")
        }
    }

    /// The span of `spans` nearest to a word of the question, so that a sentence naming two
    /// amounts answers with the one said of what was asked ("300 ml of water" rather than the
    /// "500 g of flour" before it, for a question about water).
    ///
    /// A span with no number in it that holds a word of the question only repeats the
    /// question ("a week" for "How much … each week?") and is taken only when nothing else is
    /// left.
    ///
    /// - Parameters:
    ///   - anchors: positions of the sentence's words that the question has too. An anchor
    ///     inside a span does not count for it (the span's own unit is no evidence), and one
    ///     after a span counts as three times as far as one before it; without anchors, or
    ///     on a tie, the earlier span wins.
    ///   - words: the sentence's words, which `spans` index.
    public static func nearest(_ spans: [Range<Int>], to anchors: [Int], in words: [String]) -> Range<Int>? {
        let echoes = { (span: Range<Int>) in
            !span.contains { isNumber(words[$0]) } && anchors.contains { span.contains($0) }
        }
        let answering = spans.filter { !echoes($0) }
        guard !answering.isEmpty else { return spans.first }
        guard !anchors.isEmpty else { return answering.first }
        // English puts a verb or noun before what it takes ("closed in 1911", "charges in
        // 2 hours"), so a question word after a span counts as three times as far.
        func distance(_ span: Range<Int>) -> Int {
            anchors.lazy.filter { !span.contains($0) }
                .map { $0 < span.lowerBound ? span.lowerBound - $0 : 3 * ($0 - (span.upperBound - 1)) }
                .min() ?? Int.max
        }
        var best: (span: Range<Int>, distance: Int)?
        for span in answering {
            let d = distance(span)
            if best.map({ d < $0.distance }) ?? true { best = (span, d) }
        }
        return best?.span
    }

    /// A number (or range of numbers) and the word it counts ("20 units", "two or three
    /// sessions"), or a span of time when that is what the number measures.
    ///
    /// A number that counts what the question counts comes first: "How many bolts …?" is
    /// answered by "6 to 8 bolts", not by the "an hour" beside it, and "How much water …?" by
    /// "300 ml" of "300 ml of water". Among spans of the same
    /// standing, the one ``nearest(_:to:in:)`` the question's words wins.
    ///
    /// - Parameters:
    ///   - counting: what the question counts (``ParsedQuestion/counted``), as stems
    ///     that `stem` gives.
    ///   - anchors: positions of the words the question has too (see ``nearest(_:to:in:)``).
    public static func quantitySpan(
        in words: [String], stopWords: Set<String>, counting: Set<String> = [], stem: (String) -> String = { $0 },
        anchors: [Int] = []
    ) -> Range<Int>? {
        var numbers: [Range<Int>] = []
        var counted: [Range<Int>] = []
        var start = 0
        while let first = words.indices[start...].first(where: {
            counts(at: $0, in: words, stopWords: stopWords) && !["half", "couple"].contains(words[$0])
        }) {
            var end = first + 1
            // A range: "3 to 4", "two or three".
            if end + 1 < words.count, ["to", "or", "and"].contains(words[end]), isNumber(words[end + 1]) { end += 2 }
            // The counted noun, if the next word carries content.
            let qualified = qualifiedStart(first, in: words)
            var countsAsked = false
            if end < words.count, !stopWords.contains(words[end]), !isNumber(words[end]) {
                // The unit may measure what is counted: "300 ml of water".
                countsAsked = counting.contains(stem(words[end]))
                    || end + 2 < words.count && words[end + 1] == "of" && counting.contains(stem(words[end + 2]))
                end += 1
                // A rate stays with its quantity: "5 percent a month", "6 books per week".
                if end + 1 < words.count, ["a", "an", "per"].contains(words[end]), timeUnits.contains(words[end + 1]) {
                    end += 2
                }
            }
            // "two of the cheapest lamps" picks from a group rather than measuring: the
            // bare "two" answers nothing, so it is no span.
            let partitive = end == first + 1 && end < words.count && words[end] == "of"
            if countsAsked {
                counted.append(qualified..<end)
            } else if !partitive {
                numbers.append(qualified..<end)
            }
            start = end
            if start >= words.count { break }
        }
        if let span = nearest(counted, to: anchors, in: words) { return span }
        // "How much water …?" asks for an amount, not a time: "about two litres" before the
        // "3 minutes" that follows it. Without a counted word ("How much does it cost?") or
        // with a time word ("How many hours …?") a span of time still comes first.
        let asksForTime = counting.isEmpty || counting.contains { counted in
            counted == stem("time") || timeUnits.contains { stem($0) == counted }
        }
        let amounts = numbers.filter { !words[$0].contains(where: timeUnits.contains) }
        if !asksForTime, let amount = nearest(amounts, to: anchors, in: words) { return amount }
        return nearest(durationSpans(in: words), to: anchors, in: words) ?? nearest(numbers, to: anchors, in: words)
    }

    /// `span` run on to the noun it describes when it ends in a compound adjective joined by
    /// a hyphen ("a two-day period", "a 20-minute nap"): stopping at "a two-day" leaves an
    /// article without its noun. The span takes the content words that follow with nothing
    /// but spaces between them, at most three; otherwise it is returned unchanged.
    ///
    /// - Parameters:
    ///   - words: the sentence's words with their ranges in `text`, as ``Tokenizer`` gives them.
    ///   - stopWords: words that end the noun phrase ("in", "if", "can").
    public static func completingCompound(_ span: Range<Int>, words: [WordToken], in text: String,
                                          stopWords: Set<String>) -> Range<Int> {
        let last = span.upperBound - 1
        guard span.count >= 2, span.upperBound <= words.count else { return span }
        let bytes = Array(text.utf8)
        func gap(after word: Int) -> ArraySlice<UInt8> {
            bytes[words[word].range.upperBound..<words[word + 1].range.lowerBound]
        }
        guard Array(gap(after: last - 1)) == [UInt8(ascii: "-")] else { return span }
        var end = span.upperBound
        while end < words.count, end - span.upperBound < 3,
              gap(after: end - 1).allSatisfy({ $0 == UInt8(ascii: " ") }),
              !stopWords.contains(words[end].surface), !isNumber(words[end].surface) {
            end += 1
        }
        // The article before a counted compound is the noun's: "a 41-byte file".
        let opensWithArticle = end > span.upperBound && span.lowerBound > 0
            && ["a", "an"].contains(words[span.lowerBound - 1].surface)
        return (opensWithArticle ? span.lowerBound - 1 : span.lowerBound)..<end
    }

    /// The words of `text` that are prose: those inside a web address or an e-mail address
    /// (a run of non-space characters holding "://" or "@", or opening with "www.") are
    /// dropped, since a digit there names a page rather than counting anything.
    ///
    /// - Complexity: O(bytes of `text` + words).
    public static func proseWords(_ words: [WordToken], in text: String) -> [WordToken] {
        let bytes = Array(text.utf8)
        var links: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
            if end > start, isLink(bytes[start..<end]) { links.append(start..<end) }
            start = end + 1
        }
        guard !links.isEmpty else { return words }
        return words.filter { word in !links.contains { $0.contains(word.range.lowerBound) } }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// Whether a run of non-space bytes is a web or e-mail address, allowing for the
    /// brackets and quotes markup puts around one.
    static func isLink(_ chunk: ArraySlice<UInt8>) -> Bool {
        if chunk.contains(UInt8(ascii: "@")) { return true }
        let scheme = Array("://".utf8)
        if chunk.count >= scheme.count,
           chunk.indices.dropLast(scheme.count - 1).contains(where: { Array(chunk[$0..<($0 + scheme.count)]) == scheme }) {
            return true
        }
        let opening = chunk.drop { !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) }
        return opening.count > 4 && opening.prefix(4).map { $0 | 0x20 } == Array("www.".utf8)
    }

    /// A year, or a month with its day and year where given ("2002", "March 4, 2002"): the
    /// first of ``dateSpans(in:)``.
    public static func dateSpan(in words: [String]) -> Range<Int>? {
        dateSpans(in: words).first
    }

    /// Every year or month-and-day date in `words`, in order.
    public static func dateSpans(in words: [String]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var i = 0
        while i < words.count {
            let word = words[i]
            if months.contains(word) {
                var end = i + 1
                while end < words.count, end - i <= 2, isNumber(words[end]) { end += 1 }
                // "may" is also a verb: a month needs a number beside it.
                if end > i + 1 {
                    spans.append(i..<end)
                    i = end
                    continue
                }
            } else if isYear(word) {
                spans.append(i..<(i + 1))
            }
            i += 1
        }
        return spans
    }

    /// Whether `words[i]` is a number that counts something. "One" is also a pronoun ("the
    /// current one", "one of them"), so it counts only before a content word ("one branch")
    /// or as the start of a range ("one or two").
    static func counts(at i: Int, in words: [String], stopWords: Set<String>) -> Bool {
        guard isNumber(words[i]) else { return false }
        guard words[i] == "one" else { return true }
        guard i + 1 < words.count else { return false }
        let next = words[i + 1]
        if ["to", "or", "and"].contains(next), i + 2 < words.count, isNumber(words[i + 2]) { return true }
        return !stopWords.contains(next) && !isNumber(next)
    }

    static func isNumber(_ word: String) -> Bool {
        if numberWords.contains(word) { return true }
        guard let first = word.unicodeScalars.first else { return false }
        return first.properties.numericType == .decimal
    }

    static func isYear(_ word: String) -> Bool {
        guard word.count == 4, let value = Int(word) else { return false }
        return (1000...2100).contains(value)
    }
}
