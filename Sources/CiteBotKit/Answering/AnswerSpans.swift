/// The short answer inside a cited sentence: the span of time, amount or date a "how
/// long", "how many" or "when" question asks for ("2 to 3 weeks", "about two litres",
/// "March 2002"), read off the sentence's words.
///
/// Like ``AnswerCues`` it knows English in general (numbers, units, qualifiers such as "at
/// least"), never a particular text, and it never rewrites the sentence: a span is a run of
/// its words, or nothing when cutting one out would change what the sentence says.
public enum AnswerSpans {
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
    /// "how long" as a cue, but are no short answer: cut out of "not a permanent fix"
    /// the word would say the opposite of its sentence.
    static let permanenceWords: Set<String> = [
        "lifetime", "permanent", "permanently", "temporary", "temporarily", "forever",
    ]

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]

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

    /// The words of a span of time ("2 to 3 weeks", "six weeks", "up to a year"), if any:
    /// the first of ``durationSpans(in:)``.
    public static func durationSpan(in words: [String]) -> Range<Int>? {
        durationSpans(in: words).first
    }

    /// Every span of time in `words` ("2 to 3 weeks", "a week"), in order; words of
    /// permanence (``permanenceWords``) are none.
    public static func durationSpans(in words: [String]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        for (i, word) in words.enumerated() where timeUnits.contains(word) {
            // Walk back over a number range such as "2 to 3", "two or three", "a few".
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
        words[max(0, span.lowerBound - 4)..<span.lowerBound].contains(where: AnswerCues.isNegation)
    }

    /// The span of `spans` nearest to a word of the question, so that a sentence naming two
    /// amounts answers with the one said of what was asked ("300 ml of water" rather than the
    /// "500 g of flour" before it, for a question about water).
    ///
    /// A span with no number in it that holds a word of the question only repeats the
    /// question ("a day" for "How long … each day?") and is taken only when nothing else is
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
    ///   - nounOfPhrase: given the position of the first word after a number, the position
    ///     of the noun its phrase counts (see ``nounPhraseHead(in:from:stopWords:isNeverNoun:isPlural:)``);
    ///     without it the span takes that one word.
    public static func quantitySpan(
        in words: [String], stopWords: Set<String>, counting: Set<String> = [], stem: (String) -> String = { $0 },
        anchors: [Int] = [], nounOfPhrase: ((Int) -> Int?)? = nil
    ) -> Range<Int>? {
        var numbers: [Range<Int>] = []
        var counted: [Range<Int>] = []
        var start = 0
        while let first = words.indices[start...].first(where: {
            counts(at: $0, in: words, stopWords: stopWords) && !["half", "couple"].contains(words[$0])
        }) {
            var end = first + 1
            // A range: "2 to 3", "two or three".
            if end + 1 < words.count, ["to", "or", "and"].contains(words[end]), isNumber(words[end + 1]) { end += 2 }
            // The counted noun, if the next word carries content.
            let qualified = qualifiedStart(first, in: words)
            var countsAsked = false
            if end < words.count, !stopWords.contains(words[end]), !isNumber(words[end]) {
                // The span runs on to the noun counted ("seven voting members", not "seven
                // voting"), as far as `nounOfPhrase` tells it.
                let noun = max(end, nounOfPhrase?(end) ?? end)
                // The unit may measure what is counted: "300 ml of water".
                countsAsked = counting.contains(stem(words[end])) || counting.contains(stem(words[noun]))
                    || noun + 2 < words.count && words[noun + 1] == "of" && counting.contains(stem(words[noun + 2]))
                end = noun + 1
                // A rate stays with its quantity: "5 percent a month", "6 books per week".
                if end + 1 < words.count, ["a", "an", "per"].contains(words[end]), timeUnits.contains(words[end + 1]) {
                    end += 2
                }
            }
            // "two of the cheapest lamps" picks from a group rather than measuring: the
            // bare "two" answers nothing, so it is no span. A number with its unit in the
            // same word measures ("8gb of memory", "300ml of water").
            let partitive = end == first + 1 && end < words.count && words[end] == "of"
                && !carriesUnit(words[first])
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
    /// but white space between them (a wrapped line included), at most three; otherwise it
    /// is returned unchanged.
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
              gap(after: end - 1).allSatisfy(Addresses.isSpace),
              !stopWords.contains(words[end].surface), !isNumber(words[end].surface) {
            end += 1
        }
        // The article before a counted compound is the noun's: "a 41-byte file".
        let opensWithArticle = end > span.upperBound && span.lowerBound > 0
            && ["a", "an"].contains(words[span.lowerBound - 1].surface)
        return (opensWithArticle ? span.lowerBound - 1 : span.lowerBound)..<end
    }

    /// The clause of `words` that states a condition, from its conjunction (those of
    /// ``AnswerCues/statesCondition(_:)``) to the next comma, semicolon, colon or dash between
    /// words in `text` (not a hyphen inside one, "bone-dry"), or to the end: "when white scale
    /// covers the element". Nil when no conjunction opens a clause of at least three words.
    ///
    /// - Parameter words: the sentence's words with their ranges in `text`, as ``Tokenizer`` gives them.
    public static func conditionSpan(in words: [WordToken], text: String) -> Range<Int>? {
        let bytes = Array(text.utf8)
        func breaksClause(before word: Int) -> Bool {
            let gap = String(decoding: bytes[words[word - 1].range.upperBound..<words[word].range.lowerBound], as: UTF8.self)
            return gap.contains(where: { ",;:–—".contains($0) }) || gap.contains(" -")
        }
        var found: Range<Int>?
        _ = AnswerCues.conditionCueSet.occurs(in: words.map(\.surface)) { conjunction in
            var end = conjunction.lowerBound + 1
            while end < words.count, !breaksClause(before: end) {
                end += 1
            }
            guard end - conjunction.lowerBound >= 3 else { return false }
            found = conjunction.lowerBound..<end
            return true
        }
        return found
    }

    /// The words of `text` that are prose: those inside a web or e-mail address or a Markdown
    /// link's target (``Addresses``) are dropped, since a digit there names a page rather
    /// than counting anything.
    ///
    /// - Complexity: O(bytes of `text` + words).
    public static func proseWords(_ words: [WordToken], in text: String) -> [WordToken] {
        let found = Addresses.ranges(in: text)
        guard !found.isEmpty else { return words }
        var addresses = Addresses.Cursor(found)
        return words.filter { word in !addresses.covers(word.range.lowerBound) }
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
    /// A number that is part of a date ("On 18 May 1980") counts nothing.
    static func counts(at i: Int, in words: [String], stopWords: Set<String>) -> Bool {
        guard isNumber(words[i]), !isDatePart(at: i, in: words) else { return false }
        guard words[i] == "one" else { return true }
        guard i + 1 < words.count else { return false }
        let next = words[i + 1]
        if ["to", "or", "and"].contains(next), i + 2 < words.count, isNumber(words[i + 2]) { return true }
        return !stopWords.contains(next) && !isNumber(next)
    }

    /// Whether a number in `words` counts `items` (a stem, as `stem` gives): the noun phrase
    /// after the number, or its range ("6 to 8 bolts", "two or more bolts"), ends in that
    /// noun ("seven voting members", "two new members"), or names a unit of it ("three boxes
    /// of bolts"). "A single" counts one.
    ///
    /// The phrase is read with `isNeverNoun` (WordNet's parts of speech): up to two words
    /// that are never nouns describe the noun ("new"), then the phrase runs on over words
    /// that can be nouns, and its last word is what is counted. "Two or more voting member
    /// approvals" counts approvals, not members; "fifty copies survive" counts copies.
    static func counts(
        _ items: String, in words: [String], stopWords: Set<String>, stem: (String) -> String,
        isNeverNoun: (String) -> Bool, isPlural: (String) -> Bool = { _ in false }
    ) -> Bool {
        for i in words.indices {
            let countsOne = words[i] == "single" && i > 0 && ["a", "one"].contains(words[i - 1])
            guard countsOne || counts(at: i, in: words, stopWords: stopWords) else { continue }
            var next = i + 1
            // A compound number ("two hundred") and a range ("2 to 3", "two or more").
            while next < words.count, isNumber(words[next]) { next += 1 }
            if next + 1 < words.count, ["to", "or", "and"].contains(words[next]),
               isNumber(words[next + 1]) || ["more", "fewer", "less"].contains(words[next + 1]) {
                next += 2
                while next < words.count, isNumber(words[next]) { next += 1 }
            }
            guard let head = nounPhraseHead(in: words, from: next, stopWords: stopWords, isNeverNoun: isNeverNoun,
                                            isPlural: isPlural) else { continue }
            if stem(words[head]) == items { return true }
            if head + 2 < words.count, words[head + 1] == "of", stem(words[head + 2]) == items { return true }
        }
        return false
    }

    /// The position of the noun of the noun phrase that starts at `start`: up to two words
    /// that are never nouns ("new") describe it, then the phrase runs on over words that can
    /// be nouns, up to a stop word, a number or a word that is never a noun, and its noun is
    /// its first plural ("voting members does" → "members"; "steel bolts hold" → "bolts",
    /// where "hold" could be a noun too; "voting member approvals" → "approvals"), or with
    /// no plural its last word ("people died" → "people"). Nil when no word can be its noun.
    static func nounPhraseHead(
        in words: [String], from start: Int, stopWords: Set<String>, isNeverNoun: (String) -> Bool,
        isPlural: (String) -> Bool = { _ in false }
    ) -> Int? {
        func isContent(_ k: Int) -> Bool { k < words.count && !stopWords.contains(words[k]) && !isNumber(words[k]) }
        var k = start
        while k < start + 2, isContent(k), isNeverNoun(words[k]) { k += 1 }
        var head: Int?
        while isContent(k), !isNeverNoun(words[k]) {
            if isPlural(words[k]) { return k }
            head = k
            k += 1
        }
        return head
    }

    /// Words after which a year is a point in time ("in 1980", "since 1815").
    static let yearPrepositions: Set<String> = [
        "in", "since", "until", "till", "by", "from", "during", "before", "after", "of",
    ]

    /// Whether the number at `i` is part of a date: a day of the month beside a month's name
    /// ("18 May", "May 18"), a year after a month, a month's day or a word that places it in
    /// time ("May 1980", "May 18, 1980", "in 1815"), or any number after "year" ("the year 79").
    static func isDatePart(at i: Int, in words: [String]) -> Bool {
        let before = i > 0 ? words[i - 1] : ""
        let after = i + 1 < words.count ? words[i + 1] : ""
        if before == "year" { return true }
        if let day = Int(words[i]), (1...31).contains(day), months.contains(before) || months.contains(after) { return true }
        guard isYear(words[i]) else { return false }
        if months.contains(before) || yearPrepositions.contains(before) { return true }
        // "May 18, 1980": the year after a day that follows its month.
        return i >= 2 && months.contains(words[i - 2]) && Int(before).map { (1...31).contains($0) } == true
    }

    /// Whether a word that opens with a digit goes on in letters, its unit written on:
    /// "8gb", "300ml", "5km".
    static func carriesUnit(_ word: String) -> Bool {
        word.unicodeScalars.first?.properties.numericType == .decimal
            && word.unicodeScalars.contains { $0.properties.isAlphabetic }
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
