extension Answerer {
    /// Words that open a question's verb phrase ("How long *do* fillers last?", "*Can* X …?").
    static let auxiliaryWords: Set<String> = [
        "do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would", "should",
        "may", "might", "must", "has", "have", "had",
    ]

    /// The term ids of the question's grammatical subject: the content words between its
    /// first auxiliary and the verb after them ("How long do *dermal fillers* last?"), the
    /// verb being the first later word the lexicon lists as one, or "be" ("Can *X* be
    /// removed?"); after "is" or "are", a closing adjective ends it too ("Are *X* permanent?"). Nil without a lexicon, when
    /// the question has no auxiliary, or when no verb follows the subject, as then the
    /// subject's end is unknown.
    ///
    /// - Complexity: one tokenisation of the question and a cached lexicon lookup per word.
    func subjectTerms(of question: ParsedQuestion) -> [Int32]? {
        subjectWords(of: question)?.compactMap { index.vocabulary.id(of: analyzer.stem($0)) }
    }

    /// The words of ``subjectTerms(of:)`` as the question has them.
    func subjectWords(of question: ParsedQuestion) -> [String]? {
        guard let lexicon = builder.lexicon else { return nil }
        let words = analyzer.tokenizer.words(in: question.text).map(\.surface)
        guard let auxiliary = words.firstIndex(where: { Self.auxiliaryWords.contains($0) }) else { return nil }
        var subject: [String] = []
        for word in words[(auxiliary + 1)...] {
            if analyzer.stopWords.contains(word) {
                // An article or a possessive before the subject; a preposition after it ends it.
                if subject.isEmpty { continue }
                // "be" after it, as in "Can X be removed?", is its verb.
                return options.readsPredicateAdjectives && word == "be" ? subject : nil
            }
            if !subject.isEmpty, lexicon.canBeVerb(word) { return subject }
            subject.append(word)
        }
        // "Are kettles durable?": after a form of "be", the last word may be the adjective
        // said of the subject, which the words before it are.
        if options.readsPredicateAdjectives, ["is", "are", "was", "were"].contains(words[auxiliary]), subject.count >= 2,
           let last = subject.last, lexicon.canBeAdjective(last) {
            return Array(subject.dropLast())
        }
        return nil
    }

    /// Why the confidence in `analysis`'s answer from `citation` was halved, one reason a
    /// line, for `:why`: the span of time, number or date (or for "who", the name) it lacks,
    /// or the subject it does not name. Empty when it was not.
    public func halvings(of citation: Citation, in analysis: Analysis) -> [String] {
        guard let sentence = sentence(citedBy: citation) else { return [] }
        var reasons: [String] = []
        let question = analysis.question
        let items = countedItems(of: question, query: analysis.query)
        if options.requiresAnswerType,
           answerTypeFactor(kind: question.kind, sentence: sentence, asksFrequency: question.asksFrequency,
                            asked: Set(question.terms.map(\.term)), measure: question.measure,
                            asksCondition: question.asksCondition, countedItems: items) < 1 {
            if question.kind == .person {
                reasons.append("gives no name")
            } else if let measure = question.measure, options.requiresMeasure {
                reasons.append("states no \(measure.rawValue) in its units")
            } else if question.kind == .quantity, checkedItems(items) != nil {
                reasons.append("gives no number of what the question counts")
            } else {
                reasons.append("holds no span of time, number or date")
            }
        }
        if options.requiresSubject,
           subjectFactor(question: question, query: analysis.query, answer: sentence,
                         measuredOn: standsFor(citation, in: analysis)) < 1,
           let words = subjectWords(of: question) {
            reasons.append("does not name the question's subject, \"\(words.joined(separator: " "))\"")
        }
        return reasons
    }

    /// ½ when the answer's sentence does not name the question's subject
    /// (``subjectTerms(of:)``, any of its words the corpus uses), else 1.
    ///
    /// A sentence may share the asked-for words and still be about something else: for "How
    /// long do X last?", "Y results last 3 to 4 months." has "last" and a span of time, and
    /// the sentence about X beside it has neither. The subject counts as named when the
    /// sentence, the one it stands for (``RankedSentence/measuredOn``) or an earlier sentence
    /// of its paragraph holds one of its words (a sentence may refer back: "They last a
    /// year."), or when the sentence opens on a word of the question, being about what was
    /// asked. It is a factor, like ``answerTypeFactor(kind:sentence:asksFrequency:asked:measure:asksCondition:countedItems:)``: the
    /// sentence may say the subject in other words.
    func subjectFactor(question: ParsedQuestion, query: Query, answer sentence: Int, measuredOn: Int?) -> Double {
        guard let subject = subjectTerms(of: question), !subject.isEmpty else { return 1 }
        let vectors = index.sentenceVectors
        func names(_ s: Int) -> Bool {
            let row = vectors.row(s)
            return subject.contains { SentenceRanker.find($0, in: vectors.columns, row) != nil }
        }
        // "A trainer costs 400 dollars, more than a gym membership" gives the trainer's price:
        // for a question asking for an amount, a span of time or a date, a subject named only
        // as what something is compared with is not named.
        let readsComparison = options.readsComparedSubjects && [.quantity, .duration, .time].contains(question.kind)
        if names(sentence) && !(readsComparison && namesOnlyAfterComparison(subject, in: sentence))
            || measuredOn.map(names) == true { return 1 }
        var earlier = sentence - 1
        while earlier >= 0, index.paragraphOfSentence[earlier] == index.paragraphOfSentence[sentence] {
            if names(earlier) { return 1 }
            earlier -= 1
        }
        let asked = Set(query.terms.compactMap(\.id))
        let opening = analyzer.terms(in: index.text(ofSentence: sentence)).first.flatMap { index.vocabulary.id(of: $0.term) }
        if let opening, asked.contains(opening) { return 1 }
        return 0.5
    }

    /// Whether every word of `subject` (term ids) that `sentence` holds comes after its first
    /// "than": the sentence names the subject only as what something else is compared with.
    func namesOnlyAfterComparison(_ subject: [Int32], in sentence: Int) -> Bool {
        let words = analyzer.tokenizer.words(in: index.text(ofSentence: sentence))
        guard let than = words.firstIndex(where: { $0.surface == "than" }) else { return false }
        let before = analyzer.terms(of: Array(words[..<than])).compactMap { index.vocabulary.id(of: $0.term) }
        return !subject.contains(where: before.contains)
    }
}
