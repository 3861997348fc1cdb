extension Answerer {
    /// How sure citebot is that `best` answers the question: its coverage, with each
    /// question word the sentence lacks counted as matched when the sentence holds one of
    /// the word's synonyms from its first ``AnswerOptions/confidenceSynonymSenses`` senses.
    ///
    /// Ranking matches synonyms of a word's first sense only, since later senses would draw
    /// in sentences about something else. Once a sentence has been chosen on its other words,
    /// a later-sense synonym inside it ("expend" for "use") is evidence that the sentence says
    /// the question's word in other words, and that is what confidence measures. With t a
    /// question term, w_t its weight, S the sentence's terms, syn₁(t) the synonyms ranking
    /// already matches (coverage counts those), syn(t) those of the first
    /// ``AnswerOptions/confidenceSynonymSenses`` senses (single words, stop words left out)
    /// and c_t the share coverage already gives t (½ when only the passage or title has t,
    /// otherwise 0):
    ///
    ///     confidence = clamp(coverage + Σ_{t ∉ S, syn₁(t) ∩ S = ∅, syn(t) ∩ S ≠ ∅} (1 − c_t) · w_t / Σ_t w_t, 0, 1)
    ///
    /// With ``AnswerOptions/readsDemonstratives``, a sentence that opens with a demonstrative
    /// ("These wrinkles are a consequence of …") says what it says about the previous
    /// sentence's topic: a question word the sentence lacks but that sentence holds counts
    /// as matched too, as a synonym would, with or without a lexicon.
    ///
    /// Without either (no lexicon or the option at 0, and no demonstrative), confidence is
    /// the coverage.
    ///
    /// - Complexity: a few cached lexicon lookups for each question word the sentence lacks.
    func confidence(of best: RankedSentence, query: Query) -> Double {
        var confidence = best.coverage
        let total = query.totalWeight
        let sentence = best.measuredOn ?? best.sentence
        let vectors = index.sentenceVectors
        let lexicon = options.confidenceSynonymSenses > 0 ? builder.lexicon : nil
        let antecedentSentence = options.readsDemonstratives ? demonstrativeAntecedent(of: sentence) : nil
        let antecedent = antecedentSentence.map(vectors.row)
        guard total > 0, lexicon != nil || antecedent != nil else { return min(1, max(0, confidence)) }
        // Terms the sentence before says the referent is not ("not the lava, … but X"): a
        // demonstrative after it does not stand for them.
        let denied = antecedentSentence.map(deniedTerms(in:)) ?? []
        let row = vectors.row(sentence)
        func holds(_ id: Int32) -> Bool { SentenceRanker.find(id, in: vectors.columns, row) != nil }
        func heldBefore(_ id: Int32?) -> Bool {
            guard let id, let antecedent, !denied.contains(id) else { return false }
            return SentenceRanker.find(id, in: vectors.columns, antecedent) != nil
        }
        func saysThroughSynonym(_ term: QueryTerm) -> Bool {
            guard let lexicon else { return false }
            return lexicon.synonyms(of: term.correction ?? term.surface, senses: options.confidenceSynonymSenses).contains { word in
                // A phrase ("go on") is more than one term: no single term stands for it.
                guard !word.utf8.contains(UInt8(ascii: " ")), !analyzer.stopWords.contains(word),
                      let id = index.vocabulary.id(of: analyzer.stem(word)) else { return false }
                return holds(id)
            }
        }
        let passage = Int(index.passageOfSentence[sentence])
        let title = options.ranking.headingWeight > 0 ? ranker.title(before: sentence).map(vectors.row) : nil
        for term in query.terms {
            // Matched already, fully or as a first-sense synonym.
            if let id = term.id, holds(id) { continue }
            if term.synonyms.contains(where: holds) { continue }
            guard heldBefore(term.id) || saysThroughSynonym(term) else { continue }
            let inContext = term.id.map { id in
                index.passage(passage, contains: id)
                    || title.map { SentenceRanker.find(id, in: vectors.columns, $0) != nil } == true
            } ?? false
            confidence += (inContext ? 0.5 : 1) * term.weight / total
        }
        return min(1, max(0, confidence))
    }

    /// The terms of `sentence` that a negation denies: those of the first content word within
    /// three words after "not", "no", "never" … ("not the lava" denies "lava").
    func deniedTerms(in sentence: Int) -> Set<Int32> {
        let words = analyzer.tokenizer.words(in: index.text(ofSentence: sentence)).map(\.surface)
        var denied = Set<Int32>()
        for (i, word) in words.enumerated() where AnswerCues.isNegation(word) {
            guard let first = words[(i + 1)...].prefix(3).first(where: { !analyzer.stopWords.contains($0) }),
                  let id = index.vocabulary.id(of: analyzer.stem(first)) else { continue }
            denied.insert(id)
        }
        return denied
    }

    /// Determiners and pronouns that, opening a sentence, point back at the sentence before
    /// it. "It" and "they" are left out: they may name something mentioned further back.
    static let demonstratives: Set<String> = ["these", "this", "those", "such"]

    /// The sentence before `sentence` in its paragraph when `sentence` opens with one of
    /// ``demonstratives``, else nil.
    func demonstrativeAntecedent(of sentence: Int) -> Int? {
        guard sentence > 0, index.paragraphOfSentence[sentence] == index.paragraphOfSentence[sentence - 1] else { return nil }
        return openingWord(of: sentence).map(Self.demonstratives.contains) == true ? sentence - 1 : nil
    }
}
