/// Answers questions about one indexed corpus: the whole pipeline from question to
/// cited answer, shared by every way into citebot.
///
/// 1. Parse the question (kind, content terms) and resolve its terms, correcting typos
///    and adding synonyms when a lexicon is given.
/// 2. Rank sentences inside the best passages (``SentenceRanker``).
/// 3. Rerank the best 20: a cue for the question's kind, phrase proximity; a sentence that
///    only names what the sentence before it describes stands for that sentence, and a
///    "why" question's claim without a reason for the next sentence, which gives one.
/// 4. Abstain when the best sentence's confidence (its coverage, counting a question word
///    it says in other words as matched, halved when it lacks the span of time, number or
///    date the question asks for, and halved when it does not name the question's subject)
///    is below ``AnswerOptions/minScore``.
/// 5. Otherwise template a short answer over the cited sentences, quoted verbatim.
public final class Answerer: QuestionAnswering {
    public let index: CorpusIndex
    public let options: AnswerOptions
    public let analyzer: Analyzer
    let parser: QuestionParser
    let builder: QueryBuilder
    let ranker: SentenceRanker
    /// The stems of "time" and of the units of time: what a "how many" question may count
    /// without a number before the word ("twice", "a decade"; see ``checkedItems(_:)``).
    let timeStems: Set<String>

    /// The reply given when the corpus does not answer a question.
    public static let abstentionText = "I couldn't find an answer to that in the corpus."

    /// - Parameter lexicon: WordNet, when installed: keeps real words from being "corrected"
    ///   and adds synonyms the corpus uses. Answers work without it, with fewer matches.
    public init(
        index: CorpusIndex, analyzer: Analyzer, lexicon: WordNetLexicon? = nil,
        options: AnswerOptions = AnswerOptions()
    ) {
        self.index = index
        self.options = options
        self.analyzer = analyzer
        var parser = QuestionParser(analyzer: analyzer, readsDefinitionPhrasing: options.readsDefinitionPhrasing,
                                    lexicon: options.correctsTypos ? lexicon : nil)
        parser.readsConsequences = options.readsConsequences
        parser.readsCauseVerbs = options.readsCauseVerbs
        parser.readsDurationVerbs = options.readsDurationVerbs
        parser.readsKindNouns = options.readsKindNouns
        parser.readsNounPhrases = options.readsNounPhrases
        parser.readsLeadingPhrases = options.readsLeadingPhrases
        parser.readsRecognition = options.readsRecognition
        parser.readsAttributes = options.readsAttributes
        parser.readsConditions = options.readsConditions
        self.parser = parser
        var builder = QueryBuilder(
            index: index, analyzer: analyzer, lexicon: lexicon,
            correctsTypos: options.correctsTypos, synonymSenses: options.synonymSenses,
            correctsToStems: options.correctsToStems, dropsUnknownAdverbs: options.dropsUnknownAdverbs,
            correctsToSameBaseForm: options.correctsToSameBaseForm)
        builder.resolvesBaseForms = options.resolvesBaseForms
        builder.readsAdverbPairs = options.readsAdverbPairs
        builder.readsDegreePairs = options.readsDegreePairs
        builder.readsIrregularInflections = options.readsIrregularInflections
        builder.correctsRareWords = options.correctsRareWords
        self.builder = builder
        self.ranker = SentenceRanker(index: index, options: options.ranking)
        timeStems = Set((AnswerSpans.timeUnits.union(["time"])).map(analyzer.stem))
    }

    /// WordNet as the answerer uses it, if installed; nil otherwise.
    public var lexicon: WordNetLexicon? { builder.lexicon }

    /// Everything the answer was decided from; `:why` shows it.
    public struct Analysis: Sendable {
        public var question: ParsedQuestion
        public var query: Query
        /// Candidates after cue adjustment, best first.
        public var candidates: [RankedSentence]
    }

    /// Parses, resolves and ranks, without templating.
    public func analyse(_ question: String) -> Analysis {
        analyse(question, cancellation: nil)
    }

    /// ``analyse(_:)``, checking `cancellation` while ranking and before each candidate is
    /// reranked; once it is cancelled the analysis is incomplete and must be thrown away.
    func analyse(_ question: String, cancellation: CancellationToken?) -> Analysis {
        let parsed = parser.parse(question)
        let query = builder.query(for: parsed.terms)
        // Reranking reads each candidate's text, so only the best 20 by score are reranked;
        // on the project's question sets a deeper list changed no answer.
        var candidates = ranker.rank(query, limit: max(20, options.topK + options.alternatives),
                                     cancellation: cancellation)
        if options.cueBonus > 0 || options.proximityWeight > 0 {
            let subject = Set(query.terms.map(\.term))
            let pairs = Self.adjacentPairs(parsed.terms.map(\.term))
            let pairIDs = pairs.map { (index.vocabulary.id(of: $0.0), index.vocabulary.id(of: $0.1)) }
            // "Why doesn't X …?" asks about a claim that X does not: its sentence says so.
            let asksWhyNot = options.matchesNegation && parsed.kind == .reason && parsed.denies
            let readsCues = AnswerCues.canMatch(parsed.kind) && (parsed.kind != .list || options.recognisesLists)
                && (parsed.kind != .yesNo || options.matchesAuxiliaries)
            for i in candidates.indices {
                if cancellation.isCancelled { break }
                // A sentence's stored vector holds exactly the terms its words analyse to, so a
                // pair it lacks a term of cannot be near: its text is read only when that could
                // change the score.
                let row = index.sentenceVectors.row(candidates[i].sentence)
                let hasPair = pairIDs.contains { a, b in
                    guard let a, let b else { return false }
                    return SentenceRanker.find(a, in: index.sentenceVectors.columns, row) != nil
                        && SentenceRanker.find(b, in: index.sentenceVectors.columns, row) != nil
                }
                guard readsCues || hasPair else { continue }
                let text = index.text(ofSentence: candidates[i].sentence)
                let tokens = analyzer.tokenizer.words(in: text)
                let words = tokens.map(\.surface)
                if asksWhyNot, AnswerCues.isNegated(words) {
                    candidates[i].score += options.cueBonus
                }
                // A number in a web address is no quantity, so number cues read the prose alone
                // (other cues read the text around words, where a link's "://" would mislead).
                let cueTokens = [.duration, .quantity, .time].contains(parsed.kind)
                    ? AnswerSpans.proseWords(tokens, in: text) : tokens
                // "How often" asks for a frequency ("once a week"), not for any number.
                let showsCue = options.matchesFrequency && parsed.asksFrequency
                    ? AnswerCues.statesFrequency(cueTokens.map(\.surface))
                    : AnswerCues.matches(parsed.kind, tokens: cueTokens, in: text, subject: subject, stem: analyzer.stem,
                                         naming: options.recognisesNaming, auxiliary: parsed.auxiliary,
                                         apposition: options.recognisesApposition, names: options.recognisesNames)
                // "When should X be done?" is answered by a condition ("when scale covers it").
                let statesCondition = parsed.asksCondition && AnswerCues.statesCondition(words)
                // "How do I X?" is answered by an instruction ("Give the kettle a rinse.").
                let instructs = options.readsInstructions && parsed.kind == .method && givesInstruction(tokens, in: text)
                if readsCues, showsCue || statesCondition || instructs {
                    // "Not permanent" says something of how long, a span of time says how long;
                    // "Kettles are …" is about kettles, "On a stove kettles are …" is about a stove too.
                    let vague = options.gradesDurations && parsed.kind == .duration
                        && AnswerSpans.durationSpan(in: cueTokens.map(\.surface)) == nil
                        || options.gradesDefinitions && parsed.kind == .definition
                        && !AnswerCues.opensWith(subject, words: words, stem: analyzer.stem)
                        // "Thus X" says X follows from something; "X because Y" says why X.
                        || options.readsConclusions && parsed.kind == .reason && AnswerCues.onlyDrawsConclusion(words)
                    candidates[i].score += vague ? options.cueBonus / 2 : options.cueBonus
                } else if let next = standIn(for: candidates[i].sentence, words: words, kind: parsed.kind, subject: subject) {
                    candidates[i].measuredOn = candidates[i].sentence
                    candidates[i].sentence = next
                    candidates[i].score += options.cueBonus
                }
                if hasPair {
                    let stems = analyzer.terms(of: tokens).map(\.term)
                    candidates[i].score += options.proximityWeight * Self.proximity(pairs, in: stems)
                }
            }
            candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.sentence < $1.sentence }
        }
        if options.followsReferences {
            // A sentence that only names what the one before it describes ("These are known
            // as X.") stands for that sentence: cite the description.
            let asked = Set(query.terms.compactMap(\.id))
            // An explanation already standing for its claim is not sent back to it: "This is
            // because …" opens with a referring word too.
            for i in candidates.indices where candidates[i].measuredOn == nil {
                guard let antecedent = antecedent(of: candidates[i].sentence, asked: asked) else { continue }
                // A sentence that itself holds what the question asks for (the reason of "This
                // is because …" for "why", a span of time for "how long") answers it; it
                // names nothing.
                let words = analyzer.tokenizer.words(in: index.text(ofSentence: candidates[i].sentence)).map(\.surface)
                if AnswerCues.matches(parsed.kind, words: words) { continue }
                candidates[i].measuredOn = candidates[i].sentence
                candidates[i].sentence = antecedent
            }
        }
        if options.readsEchoedItems {
            // "* Technical direction" only repeats the question: what it is an item of, the
            // sentence introducing its list, is what the question asks.
            let asked = Set(query.terms.compactMap(\.id) + query.terms.flatMap(\.synonyms))
            for i in candidates.indices where candidates[i].measuredOn == nil {
                guard let leadIn = echoedItemLeadIn(of: candidates[i].sentence, asked: asked) else { continue }
                candidates[i].measuredOn = candidates[i].sentence
                candidates[i].sentence = leadIn
            }
        }
        // A stand-in (a description for its naming sentence, an explanation for its claim)
        // may already be a candidate in its own right: each sentence is listed once, at its
        // best place, whichever stand-ins are switched on.
        var seen = Set<Int>()
        candidates.removeAll { !seen.insert($0.sentence).inserted }
        return Analysis(question: parsed, query: query, candidates: candidates)
    }

    /// The sentence introducing the list that `sentence` is an item of, when every term of
    /// the item is one of `asked` (the question's terms and synonyms) and the lead-in is
    /// citable: an item that only echoes the question says nothing the question did not.
    func echoedItemLeadIn(of sentence: Int, asked: Set<Int32>) -> Int? {
        guard let leadIn = index.sentences.leadIn(of: sentence), index.sentences.isCitable(leadIn) else { return nil }
        let row = index.sentenceVectors.row(sentence)
        guard !row.isEmpty else { return nil }
        return row.allSatisfy { asked.contains(index.sentenceVectors.columns[$0]) } ? leadIn : nil
    }

    /// The sentence right after `sentence` when it is in the same paragraph and citable: the
    /// one a stand-in (an explanation, an elaboration, a description) may be.
    func citableNext(after sentence: Int) -> Int? {
        let next = sentence + 1
        guard next < index.sentences.count, index.paragraphOfSentence[next] == index.paragraphOfSentence[sentence],
              index.sentences.isCitable(next) else { return nil }
        return next
    }

    /// Whether `tokens` (of `text`) open with an instruction: a verb's base form, as WordNet
    /// lists it, followed by its object (a determiner or pronoun such as "the", "it",
    /// "your", or a capitalised name): "Use the --fast option.", "Give Kettle the lid."
    /// "Water boils at 100 degrees." opens with a noun that is a verb too, followed by
    /// a verb, and gives no instruction. Without WordNet there is no telling.
    func givesInstruction(_ tokens: [WordToken], in text: String) -> Bool {
        guard let lexicon, tokens.count >= 2, lexicon.listsAsBaseVerb(tokens[0].surface) else { return false }
        let object = tokens[1]
        return Self.objectOpeners.contains(object.surface)
            || CorpusIndex.slice(text, object.range).first?.isUppercase == true
    }

    /// Words that open the object of an instruction's verb: a determiner, or a pronoun.
    static let objectOpeners = AnswerCues.openingDeterminers.union(["it", "them", "your", "its", "their", "one", "yourself"])

    /// The sentence right after `sentence` in its paragraph when it is citable and shows the
    /// cue of `kind` in its words alone (``AnswerCues/matches(_:words:)``); the caller asks
    /// only for "why" questions, whose cue is a causal connective. With
    /// ``AnswerOptions/readsConclusions``, not one that only draws a conclusion ("Thus, …"):
    /// that gives what follows from the claim, not why the claim holds.
    func explanation(after sentence: Int, kind: QuestionKind) -> Int? {
        guard let next = citableNext(after: sentence) else { return nil }
        let words = analyzer.tokenizer.words(in: index.text(ofSentence: next)).map(\.surface)
        // "C. Thus X." draws X from C: X is C's result, not its reason.
        if options.readsConclusions, AnswerCues.onlyDrawsConclusion(words) { return nil }
        return AnswerCues.matches(kind, words: words) ? next : nil
    }

    /// The sentence after a candidate without the cue of `kind` that answers in its place:
    /// for "why", the next one when it gives the reason (``explanation(after:kind:)``); for
    /// "how long" and "when", the next one when it gives the span of time or the date
    /// (``elaboration(after:kind:subject:)``); for "which", the next one when it refers back
    /// and lists the items (``enumeration(after:subject:)``); for "what is", the next one when it
    /// describes what the candidate ended by naming (``description(after:)``).
    func standIn(for sentence: Int, words: [String], kind: QuestionKind, subject: Set<String>) -> Int? {
        if options.followsExplanations, kind == .reason { return explanation(after: sentence, kind: kind) }
        if options.followsElaborations, kind == .duration || kind == .time {
            return elaboration(after: sentence, kind: kind, subject: subject)
        }
        if options.followsEnumerations, kind == .list { return enumeration(after: sentence, subject: subject) }
        if options.followsDefinitions, kind == .definition,
           Self.endsWith(subject, words, stem: analyzer.stem, stopWords: analyzer.stopWords) {
            return description(after: sentence)
        }
        return nil
    }

    /// The sentence right after `sentence` in its paragraph when it is citable, `accepts`
    /// its text and words, and shares a term with the question's `subject` (stems): the
    /// check of the stand-ins that must stay on the question's topic.
    func citableNext(after sentence: Int, sharing subject: Set<String>,
                     where accepts: (String, [WordToken]) -> Bool) -> Int? {
        guard let next = citableNext(after: sentence) else { return nil }
        let text = index.text(ofSentence: next)
        let tokens = analyzer.tokenizer.words(in: text)
        guard accepts(text, tokens) else { return nil }
        let terms: [AnalyzedTerm] = analyzer.terms(of: tokens)
        return terms.contains { subject.contains($0.term) } ? next : nil
    }

    /// The sentence right after `sentence` in its paragraph when it is citable, shows the cue
    /// of `kind` in its prose (a span of time, a date) and shares a term with the question's
    /// `subject` (stems): a claim without the span ("Cast iron kettles are very durable.") is
    /// often followed by the sentence that gives it ("… still works after 30 years of daily
    /// use"), which answers "how long" in its place.
    func elaboration(after sentence: Int, kind: QuestionKind, subject: Set<String>) -> Int? {
        citableNext(after: sentence, sharing: subject) { (text: String, tokens: [WordToken]) -> Bool in
            let words: [String] = AnswerSpans.proseWords(tokens, in: text).map(\.surface)
            return AnswerCues.matches(kind, words: words)
        }
    }

    /// The sentence right after `sentence` in its paragraph when it is citable, opens with
    /// one of ``referringWords``, lists items (``AnswerCues/enumerates(_:in:)``) and shares a
    /// term with the question's `subject` (stems): a claim that restates a "which" question
    /// ("Some kettles switch off by themselves.") is often followed by the sentence that
    /// names the items ("These include steel, glass and plastic kettles."), which answers in
    /// its place. A list that shares no question word lists something else the claim spoke of.
    func enumeration(after sentence: Int, subject: Set<String>) -> Int? {
        citableNext(after: sentence, sharing: subject) { (text: String, tokens: [WordToken]) -> Bool in
            guard let first = tokens.first, Self.referringWords.contains(first.surface) else { return false }
            return AnswerCues.enumerates(tokens, in: text)
        }
    }

    /// Whether the last content words of `words` are the question's `subject` (stems), each
    /// of them: the sentence ends by naming what was asked ("… but pyroclastic flows."), so a
    /// "These are …" after it describes that.
    static func endsWith(_ subject: Set<String>, _ words: [String], stem: (String) -> String, stopWords: Set<String>) -> Bool {
        guard !subject.isEmpty else { return false }
        let content = words.filter { !stopWords.contains($0) }.map(stem)
        guard content.count >= subject.count else { return false }
        return Set(content.suffix(subject.count)) == subject
    }

    /// The sentence right after `sentence` in its paragraph when it is citable and opens by
    /// describing something: one of ``referringWords`` and "is" or "are" ("These are
    /// fast-moving avalanches …").
    func description(after sentence: Int) -> Int? {
        guard let next = citableNext(after: sentence) else { return nil }
        let opening = analyzer.tokenizer.words(in: index.text(ofSentence: next).prefix(24)).prefix(2).map(\.surface)
        guard opening.count == 2 else { return nil }
        return Self.referringWords.contains(opening[0]) && ["is", "are"].contains(opening[1]) ? next : nil
    }

    /// Words that, opening a sentence, refer to what the sentence before it said.
    static let referringWords: Set<String> = ["it", "they", "these", "this", "that", "those", "such"]

    /// The sentence before `sentence` when `sentence` opens with a referring word and adds
    /// at most one term beyond the question's `asked` terms: it names, the one before
    /// describes. Only within a paragraph, and only a citable antecedent.
    func antecedent(of sentence: Int, asked: Set<Int32>) -> Int? {
        guard sentence > 0, index.paragraphOfSentence[sentence] == index.paragraphOfSentence[sentence - 1],
              index.sentences.isCitable(sentence - 1) else { return nil }
        let vectors = index.sentenceVectors
        let added = vectors.row(sentence).filter { !asked.contains(vectors.columns[$0]) }.count
        guard added <= 1 else { return nil }
        return openingWord(of: sentence).map(Self.referringWords.contains) == true ? sentence - 1 : nil
    }

    /// The first word of `sentence` (folded), read from its opening characters only.
    func openingWord(of sentence: Int) -> String? {
        analyzer.tokenizer.words(in: index.text(ofSentence: sentence).prefix(24)).first?.surface
    }

    /// Consecutive pairs of distinct question terms, in question order.
    static func adjacentPairs(_ terms: [String]) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for (a, b) in zip(terms, terms.dropFirst()) where a != b { pairs.append((a, b)) }
        return pairs
    }

    /// The share of question term pairs that stand within three content words of each
    /// other in the sentence (either order): phrases such as "interest rate" matched whole.
    static func proximity(_ pairs: [(String, String)], in stems: [String]) -> Double {
        var near = 0
        for (a, b) in pairs {
            let first = stems.indices.filter { stems[$0] == a }
            let second = stems.indices.filter { stems[$0] == b }
            if first.contains(where: { i in second.contains { abs($0 - i) <= 3 } }) { near += 1 }
        }
        return Double(near) / Double(pairs.count)
    }

    public func answer(_ question: String) -> Answer {
        answer(analyse(question))
    }

    /// Answers one question unless `cancellation` is cancelled first, e.g. by Ctrl-C in the REPL.
    ///
    /// The same answer as ``answer(_:)``; the token is checked during retrieval (per term
    /// and every few thousand postings), per candidate passage and per reranked sentence.
    ///
    /// - Throws: `CancellationError` when the token is cancelled before the answer is complete.
    public func answer(_ question: String, cancellation: CancellationToken) throws(CancellationError) -> Answer {
        try answer(question, about: nil, cancellation: cancellation)
    }

    /// Answers a follow-up about `subject` (see ``FollowUpResolver/FollowUp``): only a
    /// sentence that names one of the subject's words, or one that such a sentence stands
    /// for, may answer it. With no subject, as ``answer(_:cancellation:)``.
    ///
    /// "What about teapots?" after "How long do kettles last?" becomes "How long do teapots
    /// last?", whose best match by score may still be the sentence about kettles: it shares
    /// every other word. The user named the subject, so a sentence without it answers for
    /// something else. A subject the corpus never uses restricts nothing; the question's
    /// unknown words already lower its confidence.
    ///
    /// - Throws: `CancellationError` when the token is cancelled before the answer is complete.
    public func answer(_ question: String, about subject: String?, cancellation: CancellationToken) throws(CancellationError) -> Answer {
        try cancellation.checkCancellation()
        var analysis = analyse(question, cancellation: cancellation)
        // Stages stop early on cancellation, so an analysis finished under a cancelled token is unusable.
        try cancellation.checkCancellation()
        let named = subject.map { Set(builder.query(for: analyzer.terms(in: $0)).terms.compactMap(\.id)) } ?? []
        if !named.isEmpty {
            let vectors = index.sentenceVectors
            func names(_ sentence: Int) -> Bool {
                vectors.row(sentence).contains { named.contains(vectors.columns[$0]) }
            }
            analysis.candidates.removeAll { !names($0.sentence) && !($0.measuredOn.map(names) ?? false) }
        }
        return answer(analysis)
    }

    /// Chooses, checks and templates the answer from a finished analysis.
    private func answer(_ analysis: Analysis) -> Answer {
        let question = analysis.question.text
        let kind = analysis.question.kind
        let items = countedItems(of: analysis.question, query: analysis.query)
        let candidates = typedCandidateFirst(analysis.candidates, question: analysis.question, query: analysis.query,
                                             countedItems: items)
        guard let best = candidates.first else {
            return Answer(question: question, text: Self.abstentionText, kind: kind, abstained: true,
                          citations: [], confidence: 0)
        }
        var confidence = confidence(of: best, query: analysis.query)
        var chosen: [RankedSentence]
        var quoted: Int?
        if kind == .comparison, analysis.question.sides.count == 2 {
            (chosen, quoted) = comparisonEvidence(candidates, sides: analysis.question.sides)
        } else if options.answersBothOptions, analysis.question.sides.count == 2 {
            (chosen, quoted) = choiceEvidence(candidates, options: analysis.question.sides)
        } else {
            chosen = diverse(candidates, count: options.topK)
        }
        let chosenSet = Set(chosen.map(\.sentence))
        let rest = candidates.filter { !chosenSet.contains($0.sentence) }.prefix(options.alternatives)
        let citations = chosen.map(citation)
        let alternatives = rest.map(citation)
        if options.requiresAnswerType {
            confidence *= answerTypeFactor(kind: kind, sentence: chosen[0].sentence, asksFrequency: analysis.question.asksFrequency,
                                           asked: Set(analysis.question.terms.map(\.term)), measure: analysis.question.measure,
                                           asksCondition: analysis.question.asksCondition,
                                           countedItems: items)
        }
        if options.requiresSubject {
            confidence *= subjectFactor(question: analysis.question, query: analysis.query,
                                        answer: chosen[0].sentence, measuredOn: chosen[0].measuredOn)
        }
        guard confidence >= options.minScore else {
            return Answer(question: question, text: Self.abstentionText, kind: kind, abstained: true,
                          citations: citations, alternatives: alternatives, confidence: confidence)
        }
        let short = shortAnswer(kind: kind, sentence: chosen[0].sentence, question: analysis.question, countedItems: items)
        return Answer(
            question: question,
            text: AnswerTemplate.text(kind: kind, shortAnswer: short, citations: citations, quoting: quoted),
            shortAnswer: short, kind: kind, abstained: false,
            citations: citations, alternatives: alternatives, confidence: confidence)
    }

    /// `candidates` with the first of the next ``AnswerOptions/typedAnswerDepth`` that holds
    /// the span of time, number or date a "how long", "how many" or "when" question asks for
    /// moved to the front, when the best holds none, its halved confidence would abstain, and
    /// that one is confident enough to answer on its own. The ranking, and with it hit@k,
    /// changes only where an abstention becomes an answer.
    ///
    /// "Kettles usually use more watts than toasters" may outscore "A kettle uses 2000 to
    /// 3000 watts while it boils" on "How many watts does a kettle use?" (it is shorter,
    /// so its cosine is higher), but only the second says how many; without this the first
    /// one's halved confidence (``answerTypeFactor(kind:sentence:asksFrequency:asked:measure:asksCondition:countedItems:)``) would abstain.
    func typedCandidateFirst(
        _ candidates: [RankedSentence], question: ParsedQuestion, query: Query, countedItems items: String?
    ) -> [RankedSentence] {
        let asked = Set(question.terms.map(\.term))
        func factor(_ sentence: Int) -> Double {
            answerTypeFactor(kind: question.kind, sentence: sentence, asksFrequency: question.asksFrequency, asked: asked,
                             measure: question.measure, asksCondition: question.asksCondition, countedItems: items)
        }
        guard options.requiresAnswerType, options.typedAnswerDepth > 0, let best = candidates.first else { return candidates }
        let bestFactor = factor(best.sentence)
        let deeper = candidates.prefix(options.typedAnswerDepth + 1).dropFirst()
        // Only an answer in place of an abstention is worth reordering for: when the best
        // would be answered anyway (always, with --min-score 0), the ranking stands.
        guard bestFactor < 1, bestFactor * confidence(of: best, query: query) < options.minScore,
              let typed = deeper.firstIndex(where: { candidate in
                  // The answer's confidence is halved, too, when it does not name the
                  // question's subject: such a candidate would be abstained on all the same.
                  let subject = options.requiresSubject
                      ? subjectFactor(question: question, query: query, answer: candidate.sentence,
                                      measuredOn: candidate.measuredOn)
                      : 1
                  return factor(candidate.sentence) == 1 && subject * confidence(of: candidate, query: query) >= options.minScore
              }) else { return candidates }
        var reordered = candidates
        let pick = reordered.remove(at: typed)
        reordered.insert(pick, at: 0)
        return reordered
    }

    /// The citation for a ranked sentence.
    func citation(_ ranked: RankedSentence) -> Citation {
        let sentence = index.sentences[ranked.sentence]
        return Citation(
            source: index.documents.source(of: sentence.document), paragraph: sentence.paragraph,
            sentence: sentence.number, text: index.text(ofSentence: ranked.sentence),
            score: (ranked.score * 10_000).rounded() / 10_000, continuation: continuation(of: ranked.sentence))
    }

    /// The most code blocks in a row a continuation takes: a directive and its body
    /// (".. doctest::" and the lines under it) are two.
    static let continuationBlocks = 4

    /// The most list items a continuation takes: a long list is cut, not quoted whole.
    static let continuationItems = 8

    /// What `sentence` introduces when it ends with a colon, verbatim from its document:
    /// the code right after it, from the first block to the last of up to
    /// ``continuationBlocks`` in a row, or else the list right after it, from the first
    /// item's marker to the end of the last of up to ``continuationItems`` items ("do the
    /// following steps:" and the steps). The colon promises what follows; code is never
    /// cited on its own, and a list item cited alone would lose the rest of the list.
    func continuation(of sentence: Int) -> String? {
        guard index.text(ofSentence: sentence).last(where: { !$0.isWhitespace }) == ":" else { return nil }
        let document = index.sentences[sentence].document
        var last = sentence
        while last + 1 < index.sentences.count, last - sentence < Self.continuationBlocks {
            let following = index.sentences[last + 1]
            guard following.document == document, following.role == .code else { break }
            last += 1
        }
        if last > sentence {
            let start = index.sentences[sentence + 1].range.lowerBound
            return index.documents.text(of: document, start..<index.sentences[last].range.upperBound)
        }
        guard sentence + 1 < index.sentences.count, index.sentences[sentence + 1].document == document,
              let start = index.listMarkerStart(of: sentence + 1) else { return nil }
        var items = 0
        while last + 1 < index.sentences.count, index.sentences[last + 1].document == document {
            let next = last + 1
            if index.listMarkerStart(of: next) != nil {
                guard items < Self.continuationItems else { break }
                items += 1
            } else if index.paragraphOfSentence[next] != index.paragraphOfSentence[last] || last == sentence {
                // An item's later sentences share its paragraph; prose after the list does not.
                break
            }
            last = next
        }
        return index.documents.text(of: document, start..<index.sentences[last].range.upperBound)
    }

    /// The best `count` candidates, skipping any that repeats one already chosen
    /// (cosine of the two sentences above 0.9): maximal marginal relevance in its simplest form.
    func diverse(_ candidates: [RankedSentence], count: Int) -> [RankedSentence] {
        var chosen: [RankedSentence] = []
        for candidate in candidates where chosen.count < max(1, count) {
            if chosen.contains(where: { similarity($0.sentence, candidate.sentence) > 0.9 }) { continue }
            chosen.append(candidate)
        }
        return chosen
    }

    /// One sentence per side of a comparison: for each side, the best candidate that
    /// matches that side's terms, preferring one that does not also name the other side
    /// and does not repeat the other's citation.
    ///
    /// A side's terms run to the end of the question ("How do X and Y prices compare?"
    /// gives X and "Y prices"), so they may hold the question's predicate as well as the
    /// side's name. With ``AnswerOptions/namesSidesWhole`` a sentence names the other side
    /// only when it has all of that side's terms: "X prices rose" still describes X alone.
    ///
    /// With ``AnswerOptions/leadsWithContrast``, the best candidate that names every side
    /// whole and contrasts them (``AnswerCues/contrasts(_:sides:stem:)``: "X lasts longer than Y",
    /// "unlike X, Y …") is cited first: it answers the comparison in one sentence, and the
    /// sentences per side follow it.
    ///
    /// - Returns: the evidence, and how many of its sentences the answer quotes (the
    ///   contrasting sentence and one per side, not the extra citations `topK` asks for).
    func comparisonEvidence(_ candidates: [RankedSentence], sides: [[AnalyzedTerm]]) -> (evidence: [RankedSentence], quoted: Int) {
        var chosen: [RankedSentence] = []
        let sideIDs = sides.map { side in Set(side.compactMap { index.vocabulary.id(of: $0.term) }) }
        func matches(_ candidate: RankedSentence, _ ids: Set<Int32>) -> Int {
            index.sentenceVectors.row(candidate.sentence).count { ids.contains(index.sentenceVectors.columns[$0]) }
        }
        func names(_ candidate: RankedSentence, side ids: Set<Int32>) -> Bool {
            let found = matches(candidate, ids)
            return options.namesSidesWhole ? !ids.isEmpty && found == ids.count : found > 0
        }
        let sideTerms = sides.map { Set($0.map(\.term)) }
        func defines(_ candidate: RankedSentence, side: Set<String>) -> Bool {
            let text = index.text(ofSentence: candidate.sentence)
            return AnswerCues.definesSubject(analyzer.tokenizer.words(in: text), in: text, subject: side, stem: analyzer.stem)
        }
        for (position, ids) in sideIDs.enumerated() {
            let others = sideIDs.enumerated().filter { $0.offset != position }.map(\.element)
            let fresh = candidates.filter { candidate in
                !chosen.contains { $0.sentence == candidate.sentence || similarity($0.sentence, candidate.sentence) > 0.9 }
                    && matches(candidate, ids) > 0
            }
            // Prefer a sentence about this side alone: one naming both sides describes neither.
            let alone = fresh.filter { candidate in !others.contains { names(candidate, side: $0) } }
            var pick = alone.first ?? fresh.first
            // No word of the other side's in it: the question's aspect, if it has one, went unmatched.
            let aspect = Set(others.joined()).subtracting(ids)
            if options.comparesDefinitions, let best = pick, !ids.isEmpty, matches(best, aspect) == 0,
               let definition = alone.first(where: { candidate in
                   matches(candidate, ids) == ids.count && defines(candidate, side: sideTerms[position])
               }) {
                pick = definition
            }
            if let pick { chosen.append(pick) }
        }
        if options.leadsWithContrast, let contrast = candidates.first(where: { candidate in
            sideIDs.allSatisfy { !$0.isEmpty && matches(candidate, $0) == $0.count }
                && AnswerCues.contrasts(analyzer.tokenizer.words(in: index.text(ofSentence: candidate.sentence)).map(\.surface),
                                        sides: sideTerms, stem: analyzer.stem)
        }) {
            chosen.removeAll { $0.sentence == contrast.sentence }
            chosen.insert(contrast, at: 0)
        }
        if chosen.isEmpty { chosen = [candidates[0]] }
        return (filledUp(chosen, from: candidates), chosen.count)
    }

    /// For a question that offers a choice ("Which lasts longer, X or Y?"): the best
    /// sentence, which answers it when it names an option ("X suits it better"), then,
    /// when it names only one option, the best sentence that names the other, so that the
    /// answer speaks to both. Unlike ``comparisonEvidence(_:sides:)``, the first citation is
    /// the ranking's: the question asks which option fits what it says before the comma,
    /// not how the options differ.
    ///
    /// - Returns: the evidence, and how many of its sentences the answer quotes.
    func choiceEvidence(_ candidates: [RankedSentence], options sides: [[AnalyzedTerm]]) -> (evidence: [RankedSentence], quoted: Int) {
        let vectors = index.sentenceVectors
        let sideIDs = sides.map { side in Set(side.compactMap { index.vocabulary.id(of: $0.term) }) }
        func names(_ candidate: RankedSentence, _ ids: Set<Int32>) -> Bool {
            vectors.row(candidate.sentence).contains { ids.contains(vectors.columns[$0]) }
        }
        var chosen = [candidates[0]]
        let named = sideIDs.map { names(candidates[0], $0) }
        if named.filter({ $0 }).count == 1, let other = sideIDs.indices.first(where: { !named[$0] }),
           let pick = candidates.dropFirst().first(where: { candidate in
               names(candidate, sideIDs[other]) && similarity(candidate.sentence, candidates[0].sentence) <= 0.9
           }) {
            chosen.append(pick)
        }
        return (filledUp(chosen, from: candidates), chosen.count)
    }

    /// `chosen` followed by the best other candidates (``diverse(_:count:)``) up to
    /// ``AnswerOptions/topK`` citations: the extra ones a comparison or a choice cites
    /// beyond the sentences it quotes, when more are asked for.
    func filledUp(_ chosen: [RankedSentence], from candidates: [RankedSentence]) -> [RankedSentence] {
        var filled = chosen
        for candidate in diverse(candidates, count: options.topK) where filled.count < options.topK {
            if !filled.contains(where: { $0.sentence == candidate.sentence }) { filled.append(candidate) }
        }
        return filled
    }

    /// Cosine of two sentences' TF-IDF vectors.
    func similarity(_ a: Int, _ b: Int) -> Double {
        let vectors = index.sentenceVectors
        var sum = 0.0
        for i in vectors.row(a) {
            if let j = SentenceRanker.find(vectors.columns[i], in: vectors.columns, vectors.row(b)) {
                sum += Double(vectors.values[i] * vectors.values[j])
            }
        }
        return sum
    }

    /// ½ when `kind` asks for a span of time, a number or a date ("how long", "how many",
    /// "when") and `sentence` holds none (``AnswerCues/matches(_:words:)``), else 1. A
    /// question that `asksFrequency` ("how often") is also answered by a frequency without
    /// a number ("daily", "twice a week", "every morning").
    ///
    /// Such a sentence may share every word of the question ("How long does X live?" and "X
    /// lives in colonies") and still not say what was asked, so its confidence counts half.
    /// It is a factor rather than a veto: a sentence may rightly answer that the amount
    /// varies, and `--min-score` can still let it through.
    ///
    /// With ``AnswerOptions/requiresName``, a "who" question's sentence that gives no proper
    /// name besides the question's own words (`asked`, as stems; see
    /// ``AnswerCues/namesSomeone(_:in:besides:stem:)``) counts half as well: "The water
    /// cycle describes how water moves …" is on the topic of "Who first described the water
    /// cycle?" but names no one, and "Python" in a sentence does not say who created Python.
    /// With ``AnswerOptions/requiresMeasure``, a question with a `measure` ("how tall")
    /// needs a number in that measure's units (``Measure/isStated(in:)``) rather than any number.
    func answerTypeFactor(
        kind: QuestionKind, sentence: Int, asksFrequency: Bool = false, asked: Set<String> = [], measure: Measure? = nil,
        asksCondition: Bool = false, countedItems: String? = nil
    ) -> Double {
        if kind == .person {
            guard options.requiresName else { return 1 }
            let text = index.text(ofSentence: sentence)
            return AnswerCues.namesSomeone(analyzer.tokenizer.words(in: text), in: text, besides: asked, stem: analyzer.stem) ? 1 : 0.5
        }
        guard [.duration, .quantity, .time].contains(kind) else { return 1 }
        let text = index.text(ofSentence: sentence)
        // A number inside a web address answers nothing.
        let words = AnswerSpans.proseWords(analyzer.tokenizer.words(in: text), in: text).map(\.surface)
        if let measure, options.requiresMeasure { return measure.isStated(in: words) ? 1 : 0.5 }
        if kind == .quantity, let items = checkedItems(countedItems), let lexicon = builder.lexicon {
            return AnswerSpans.counts(items, in: words, stopWords: analyzer.stopWords, stem: analyzer.stem,
                                      isNeverNoun: lexicon.isNeverNoun, isPlural: isPlural) ? 1 : 0.5
        }
        if AnswerCues.matches(kind, words: words) { return 1 }
        if asksCondition, AnswerCues.statesCondition(words) { return 1 }
        return asksFrequency && AnswerCues.statesFrequency(words) ? 1 : 0.5
    }

    /// What a "how many" question counts, as a stem: the noun that ends
    /// ``ParsedQuestion/countedPhrase`` ("members" of "voting members"; see
    /// ``AnswerSpans/nounPhraseHead(in:from:stopWords:isNeverNoun:)``), as its query matches
    /// it (a misspelt word's correction, "calories" for "calries"). Nil without the lexicon.
    func countedItems(of question: ParsedQuestion, query: Query) -> String? {
        guard let lexicon = builder.lexicon,
              let head = AnswerSpans.nounPhraseHead(in: question.countedPhrase, from: 0, stopWords: analyzer.stopWords,
                                                    isNeverNoun: lexicon.isNeverNoun, isPlural: isPlural) else { return nil }
        let surface = question.countedPhrase[head]
        return query.terms.first { $0.surface == surface }?.term ?? analyzer.stem(surface)
    }

    /// Whether `word` reads as a plural: it ends in "s" (not "ss") and WordNet reduces it to
    /// another base form ("bolts" → "bolt", "copies" → "copy"), or WordNet does not know it
    /// ("uids"). Counted things are plural, the words that describe them mostly not.
    func isPlural(_ word: String) -> Bool {
        guard word.hasSuffix("s"), !word.hasSuffix("ss"), let lexicon = builder.lexicon else { return false }
        let forms = lexicon.baseForms(of: word)
        return forms.isEmpty || forms.contains { $0 != word }
    }

    /// `items`, what a "how many" question counts, when ``AnswerOptions/requiresCountedItems``
    /// has a number count them: not times or units of time, which "twice" and "a decade"
    /// answer without a number before the word.
    func checkedItems(_ items: String?) -> String? {
        guard options.requiresCountedItems, let items, !timeStems.contains(items) else { return nil }
        return items
    }

    /// The verbatim span of the sentence that answers a duration, quantity or time
    /// question ("2 to 3 weeks", "20 units", "March 2002"), if one can be read off.
    func shortAnswer(kind: QuestionKind, sentence: Int, question: ParsedQuestion, countedItems: String? = nil) -> String? {
        let text = index.text(ofSentence: sentence)
        let words = AnswerSpans.proseWords(analyzer.tokenizer.words(in: text), in: text)
        let surfaces = words.map(\.surface)
        // Where the sentence says what the question asks about: the span nearest to those
        // words is the one said of it.
        let asked = Set(question.terms.map(\.term))
        let anchors = surfaces.indices.filter {
            !analyzer.stopWords.contains(surfaces[$0]) && asked.contains(analyzer.stem(surfaces[$0]))
        }
        let found: Range<Int>?
        switch kind {
        case .duration: found = AnswerSpans.nearest(AnswerSpans.durationSpans(in: surfaces), to: anchors, in: surfaces)
        case .quantity:
            // "How hot": the temperature, not another number of the sentence.
            let measured = options.requiresMeasure ? question.measure?.span(in: surfaces) : nil
            let nounOfPhrase = builder.lexicon.map { lexicon in
                { (start: Int) in
                    AnswerSpans.nounPhraseHead(in: surfaces, from: start, stopWords: self.analyzer.stopWords,
                                               isNeverNoun: lexicon.isNeverNoun, isPlural: self.isPlural)
                }
            }
            found = measured ?? AnswerSpans.quantitySpan(in: surfaces, stopWords: analyzer.stopWords,
                                                         counting: Set([question.counted, countedItems].compactMap { $0 }),
                                                         stem: analyzer.stem, anchors: anchors, nounOfPhrase: nounOfPhrase)
        case .time:
            found = AnswerSpans.nearest(AnswerSpans.dateSpans(in: surfaces), to: anchors, in: surfaces)
                ?? AnswerSpans.nearest(AnswerSpans.durationSpans(in: surfaces), to: anchors, in: surfaces)
                ?? (question.asksCondition ? AnswerSpans.conditionSpan(in: words, text: text) : nil)
        default: found = nil
        }
        guard let read = found, !AnswerSpans.isNegated(read, in: surfaces) else { return nil }
        let span = AnswerSpans.completingCompound(read, words: words, in: text, stopWords: analyzer.stopWords)
        let range = words[span.lowerBound].range.lowerBound..<words[span.upperBound - 1].range.upperBound
        return CorpusIndex.slice(text, range)
    }
}

extension Answerer {
    /// Whether the cited sentence contains the query term (for explanations).
    public func cites(term: QueryTerm, in citation: Citation) -> Bool {
        guard let position = sentence(citedBy: citation) else { return false }
        return sentence(position, contains: term)
    }

    /// Whether sentence `sentence` (an index into the corpus's sentences) contains the query term.
    public func sentence(_ sentence: Int, contains term: QueryTerm) -> Bool {
        guard let id = term.id, index.sentences.indices.contains(sentence) else { return false }
        return SentenceRanker.find(id, in: index.sentenceVectors.columns, index.sentenceVectors.row(sentence)) != nil
    }

    /// The sentence a citation quotes, as an index into the corpus's sentences.
    public func sentence(citedBy citation: Citation) -> Int? {
        index.sentences.indices.first {
            let s = index.sentences[$0]
            return s.paragraph == citation.paragraph && s.number == citation.sentence
                && index.documents.source(of: s.document) == citation.source
        }
    }

    /// The citation quoting sentence `sentence` (an index into the corpus's sentences).
    public func citation(ofSentence sentence: Int) -> Citation {
        citation(RankedSentence(sentence: sentence, score: 0, sentenceCosine: 0, passageCosine: 0, coverage: 0))
    }

    /// The sentence that stands for the cited one in `analysis`, when one does
    /// (``RankedSentence/measuredOn``): a naming sentence ("These are called X.") whose
    /// description before it is cited, or the claim whose reason the cited sentence gives.
    /// That sentence matched the question; the cited one says the answer.
    public func standsFor(_ citation: Citation, in analysis: Analysis) -> Int? {
        guard let cited = sentence(citedBy: citation) else { return nil }
        return analysis.candidates.first { $0.sentence == cited }?.measuredOn
    }
}
