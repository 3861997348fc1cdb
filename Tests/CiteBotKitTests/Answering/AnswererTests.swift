import Testing
@testable import CiteBotKit

@Suite struct AnswererTests {
    static let corpus = """
        Kettle guide

        An electric kettle boils water in about three minutes. Its element sits under the base.

        Descaling keeps a kettle efficient. Limescale builds up because hard water leaves minerals behind.

        A stovetop kettle whistles when the water boils. It works by forcing steam through a narrow spout.
        """

    func answerer(_ options: AnswerOptions = AnswerOptions()) throws -> Answerer {
        Answerer(index: try Fixtures.index([Self.corpus]), analyzer: Fixtures.analyzer, options: options)
    }

    @Test func answersWithAVerbatimCitation() throws {
        let answer = try answerer().answer("Why does limescale build up?")
        #expect(!answer.abstained)
        let citation = try #require(answer.citations.first)
        #expect(citation.text == "Limescale builds up because hard water leaves minerals behind.")
        #expect(citation.source == "doc1.txt")
        #expect(citation.paragraph == 3 && citation.sentence == 2)
        #expect(Self.corpus.contains(citation.text))
        #expect(answer.text == citation.text + " [1]")
    }

    @Test func extractsAShortDurationAnswer() throws {
        let answer = try answerer().answer("How long does an electric kettle take to boil water?")
        #expect(answer.shortAnswer == "about three minutes")
        #expect(answer.text == "About three minutes. [1]")
        #expect(answer.citations.first?.text == "An electric kettle boils water in about three minutes.")
    }

    @Test func abstainsWhenTheQuestionIsMostlyUnknown() throws {
        let answer = try answerer().answer("What is the capital of France?")
        #expect(answer.abstained)
        #expect(answer.text == Answerer.abstentionText)
    }

    @Test func abstainsOnATopicWordAmongUnknownOnes() throws {
        let answer = try answerer().answer("Which political party invented the kettle?")
        #expect(answer.abstained)
    }

    @Test func minScoreZeroNeverAbstainsWhenSomethingMatches() throws {
        let answer = try answerer(AnswerOptions(minScore: 0)).answer("Which political party invented the kettle?")
        #expect(!answer.abstained)
        #expect(!answer.citations.isEmpty)
    }

    @Test func stopWordOnlyQuestionAbstains() throws {
        let answer = try answerer().answer("what is it?")
        #expect(answer.abstained && answer.citations.isEmpty)
    }

    @Test func comparisonCitesBothSides() throws {
        let answer = try answerer(AnswerOptions(minScore: 0)).answer("electric kettle vs stovetop kettle")
        #expect(answer.kind == .comparison)
        #expect(answer.citations.count >= 2)
        let texts = answer.citations.map(\.text)
        #expect(texts.contains { $0.contains("electric") })
        #expect(texts.contains { $0.contains("stovetop") })
    }

    /// "How do tea and coffee prices compare?" splits into "tea" and "coffee prices": the
    /// predicate rides with the second side, so sharing it must not make a sentence about tea
    /// count as naming coffee too; a sentence naming both sides whole still gives way.
    @Test(arguments: [(true, "Tea prices rose sharply this year."), (false, "Tea grows on steep hillsides.")])
    func comparisonSideNamesTheOtherSideOnlyWhole(whole: Bool, expected: String) throws {
        let corpus = """
            Tea and coffee prices both vary with the weather.

            Tea prices rose sharply this year.

            Tea grows on steep hillsides.

            Coffee prices fell after a large harvest.
            """
        let index = try Fixtures.index([corpus])
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer,
                              options: AnswerOptions(minScore: 0, namesSidesWhole: whole))
            .answer("How do tea and coffee prices compare?")
        #expect(answer.kind == .comparison)
        #expect(answer.citations.map(\.text) == [expected, "Coffee prices fell after a large harvest."])
    }

    /// "Which …" asks for items out of several: a sentence that lists them outranks one that
    /// only repeats the question's words more often.
    @Test(arguments: [(true, "A kettle can heat water, milk, or soup."), (false, "A kettle heats water quickly, and a kettle heats it safely.")])
    func listQuestionPrefersASentenceThatListsItems(lists: Bool, expected: String) throws {
        let corpus = """
            A kettle heats water quickly, and a kettle heats it safely.

            A kettle can heat water, milk, or soup.
            """
        let index = try Fixtures.index([corpus])
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer,
                              options: AnswerOptions(minScore: 0, recognisesLists: lists))
            .answer("Which liquids does a kettle heat?")
        #expect(answer.kind == .list)
        #expect(answer.citations.first?.text == expected)
    }

    /// "Can X …?" is answered by a statement of what X can, may or cannot do: the question's
    /// auxiliary, or one of its family, in a sentence is a cue for yes/no questions. The two
    /// sentences have the same terms, so without the cue they tie and source order decides.
    @Test(arguments: [(true, "A kettle may boil milk."), (false, "Kettles boil milk.")])
    func yesNoQuestionPrefersASentenceWithItsAuxiliary(auxiliaries: Bool, expected: String) throws {
        let corpus = """
            Kettles boil milk.

            A kettle may boil milk.
            """
        let index = try Fixtures.index([corpus])
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer,
                              options: AnswerOptions(minScore: 0, matchesAuxiliaries: auxiliaries))
            .answer("Can a kettle boil milk?")
        #expect(answer.kind == .yesNo)
        #expect(answer.citations.first?.text == expected)
    }

    /// A sentence that names both sides and sets them against each other answers a
    /// comparison directly: it is cited and quoted first, the sentence for each side after it.
    @Test func comparisonLeadsWithASentenceThatContrastsBothSides() throws {
        let corpus = """
            Tea grows on misty hillsides.

            Coffee grows in the tropics.

            Tea and coffee are both drunk hot.

            Tea costs less than coffee.
            """
        let index = try Fixtures.index([corpus])
        func answer(_ contrast: Bool) -> Answer {
            Answerer(index: index, analyzer: Fixtures.analyzer,
                     options: AnswerOptions(minScore: 0, leadsWithContrast: contrast))
                .answer("tea vs coffee")
        }
        let sides = ["Tea grows on misty hillsides.", "Coffee grows in the tropics."]
        let led = answer(true)
        #expect(led.citations.map(\.text) == ["Tea costs less than coffee."] + sides)
        #expect(led.text == "Tea costs less than coffee. [1] Tea grows on misty hillsides. [2] Coffee grows in the tropics. [3]")
        let plain = answer(false)
        #expect(plain.citations.map(\.text) == sides)
        #expect(plain.text == "Tea grows on misty hillsides. [1] Coffee grows in the tropics. [2]")
    }

    /// A comparison that names no aspect ("the difference between tea and coffee") is
    /// answered with what each side is, not with the short parallel sentences that match
    /// the sides' names best; an aspect the question does name ("prices") keeps its sentences.
    @Test(arguments: [true, false])
    func aComparisonWithoutAnAspectComparesDefinitions(_ definitions: Bool) throws {
        let corpus = """
            Tea keeps. Coffee keeps.

            Tea: a drink brewed from dried leaves of a shrub.

            Coffee contains caffeine extracted from roasted beans.

            Tea prices fell in spring. Coffee prices rose in winter.
            """
        var options = AnswerOptions(minScore: 0, leadsWithContrast: true)
        options.comparesDefinitions = definitions
        let answerer = Answerer(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer, options: options)
        let plain = answerer.answer("What is the difference between tea and coffee?")
        #expect(plain.kind == .comparison)
        #expect(plain.citations.map(\.text) == (definitions
            ? ["Tea: a drink brewed from dried leaves of a shrub.", "Coffee contains caffeine extracted from roasted beans."]
            : ["Tea keeps.", "Coffee keeps."]))
        let prices = answerer.answer("How do tea and coffee prices compare?")
        #expect(prices.citations.map(\.text) == ["Tea prices fell in spring.", "Coffee prices rose in winter."])
    }

    /// "than" in "both cost more than water" compares neither side with the other: a sentence
    /// that names both sides before it is no contrast, so the answer leads with the sides.
    @Test func comparisonDoesNotLeadWithAContrastWordThatComparesSomethingElse() throws {
        let corpus = """
            Tea grows on misty hillsides.

            Coffee grows in the tropics.

            Tea and coffee both cost more than water.
            """
        let answer = Answerer(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer,
                              options: AnswerOptions(minScore: 0, leadsWithContrast: true))
            .answer("tea vs coffee")
        #expect(answer.citations.first?.text == "Tea grows on misty hillsides.")
        #expect(answer.text == "Tea grows on misty hillsides. [1] Coffee grows in the tropics. [2]")
    }

    /// A question offering a choice is answered by the best sentence and, when that names
    /// one option only, the best sentence about the other.
    @Test func aChoiceIsAnsweredForBothOptions() throws {
        let corpus = """
            Electric kettles last ten years.

            Teapots last for decades if handled with care.

            Kettles boil water.
            """
        let index = try Fixtures.index([corpus])
        func answer(_ both: Bool) -> Answer {
            var options = AnswerOptions(minScore: 0)
            options.answersBothOptions = both
            return Answerer(index: index, analyzer: Fixtures.analyzer, options: options)
                .answer("Which lasts longer, electric kettles or teapots?")
        }
        let both = answer(true)
        #expect(both.citations.map(\.text) == ["Electric kettles last ten years.", "Teapots last for decades if handled with care."])
        #expect(both.text == "Electric kettles last ten years. [1] Teapots last for decades if handled with care. [2]")
        #expect(answer(false).citations.map(\.text) == ["Electric kettles last ten years."])
    }

    @Test func topKCitesDistinctSentencesBestFirst() throws {
        let answer = try answerer(AnswerOptions(topK: 3, minScore: 0)).answer("kettle water boils")
        #expect(answer.citations.count == 3)
        #expect(Set(answer.citations.map(\.text)).count == 3)
        let scores = answer.citations.map(\.score)
        #expect(scores == scores.sorted(by: >))
    }

    @Test func alternativesFollowTheCitations() throws {
        let answer = try answerer().answer("kettle")
        let cited = Set(answer.citations.map(\.text))
        #expect(answer.alternatives.allSatisfy { !cited.contains($0.text) })
    }
}

@Suite struct AnswerRerankingTests {
    @Test func proximityCountsPairsWithinThreeWords() {
        let pairs = Answerer.adjacentPairs(["nerve", "signal", "muscl"])
        #expect(pairs.count == 2)
        // "nerve signal" adjacent; "signal … muscl" four apart.
        #expect(Answerer.proximity(pairs, in: ["block", "nerve", "signal", "a", "b", "c", "muscl"]) == 0.5)
        #expect(Answerer.proximity(pairs, in: ["muscl", "signal", "nerve"]) == 1)
        #expect(Answerer.proximity(pairs, in: ["other"]) == 0)
    }

    @Test func repeatedQuestionTermsMakeNoPair() {
        #expect(Answerer.adjacentPairs(["a", "a"]).isEmpty)
        #expect(Answerer.adjacentPairs(["a"]).isEmpty)
    }

    @Test func phraseMatchOutranksScatteredWords() throws {
        let corpus = "Signals from the nerve reach the muscle slowly.\n\nNerve signals reach the muscle."
        let index = try Fixtures.index([corpus])
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
            .answer("nerve signals")
        #expect(answer.citations.first?.text == "Nerve signals reach the muscle.")
    }

    /// Reranking skips reading a sentence whose vector lacks a term of every question pair:
    /// sound only if the vector holds exactly the terms its text analyses to.
    @Test(arguments: [5, 17, 40])
    func sentenceVectorsHoldExactlyTheTermsOfTheirText(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let documents = (0..<6).map { i in
            i % 2 == 0 ? RandomText.document(&generator, paragraphs: 5) : RandomText.make(&generator, pieces: 300)
        }
        let index = try Fixtures.index(documents + [try Fixtures.bundledArticle.text])
        let vectors = index.sentenceVectors
        for s in index.sentences.indices {
            let analysed = Fixtures.analyzer.terms(in: index.text(ofSentence: s)).map(\.term)
            let ids = Set(analysed.compactMap { index.vocabulary.id(of: $0) })
            #expect(ids.count == Set(analysed).count, "seed \(seed), sentence \(s): a term missing from the vocabulary")
            #expect(ids == Set(vectors.row(s).map { vectors.columns[$0] }), "seed \(seed), sentence \(s)")
        }
    }

    @Test func pairOutsideTheSentenceLeavesItsScore() throws {
        // The second sentence has "nerve" but not "signal": no pair can be near, and its
        // score is the ranker's own; the first has the pair side by side.
        let corpus = "Nerve signals reach the muscle.\n\nA nerve reaches the muscle."
        let index = try Fixtures.index([corpus])
        let answerer = Answerer(index: index, analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
        let analysis = answerer.analyse("nerve signals")
        let ranked = answerer.ranker.rank(analysis.query, limit: 20)
        let plain = try #require(ranked.first { index.text(ofSentence: $0.sentence).hasPrefix("A nerve") })
        let reranked = try #require(analysis.candidates.first { $0.sentence == plain.sentence })
        #expect(reranked.score == plain.score)
        let paired = try #require(analysis.candidates.first { index.text(ofSentence: $0.sentence).hasPrefix("Nerve") })
        let pairedPlain = try #require(ranked.first { $0.sentence == paired.sentence })
        #expect(paired.score == pairedPlain.score + AnswerOptions().proximityWeight)
    }

    @Test func definitionPrefersTheSentenceWhoseSubjectIsAsked() throws {
        let corpus = "Kettle prices vary by brand.\n\nKettles are vessels for boiling water."
        let index = try Fixtures.index([corpus])
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer).answer("What are kettles?")
        #expect(answer.citations.first?.text == "Kettles are vessels for boiling water.")
    }
}

@Suite struct AnswerCuesTests {
    func words(_ text: String) -> [String] { Tokenizer().words(in: text).map(\.surface) }

    @Test(arguments: [
        ("It lasts 2 to 3 weeks.", "2 to 3 weeks"),
        ("Results fade after about six weeks.", "about six weeks"),
        ("Expect it to hold up to a year.", "up to a year"),
    ])
    func findsDurationSpans(_ sentence: String, _ span: String) throws {
        let tokens = words(sentence)
        let range = try #require(AnswerSpans.durationSpan(in: tokens))
        #expect(tokens[range].joined(separator: " ") == span)
    }

    /// "permanent" says how long, so it is a cue for "how long"; but no span, since "a
    /// permanent" cut out of "not a permanent fix" would answer the opposite.
    @Test func permanenceIsACueButNoSpan() throws {
        for sentence in ["The change is permanent.", "It is not a permanent fix.", "The ink lasts forever."] {
            #expect(AnswerCues.matches(.duration, words: words(sentence)), "\(sentence)")
            #expect(AnswerSpans.durationSpan(in: words(sentence)) == nil, "\(sentence)")
        }
        let index = try Fixtures.index(["A tattoo is not a temporary mark."])
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
            .answer("How long does a tattoo last?")
        #expect(answer.shortAnswer == nil)
        #expect(answer.text == "A tattoo is not a temporary mark. [1]")
    }

    /// "What happens … once …" asks what follows from a condition: the sentence that states
    /// the condition and its result answers it, over one that matches more of its words.
    @Test(arguments: [true, false])
    func aConsequenceIsAnsweredByTheSentenceWithACondition(reads: Bool) throws {
        let corpus = """
            In cold weather, as every owner knows, the valve of the old pump sticks and its motor strains hard. \
            Once the valve sticks, the motor overheats.
            """
        let cited = try firstCitation("What happens to the pump motor once the valve sticks?", over: corpus) {
            $0.readsConsequences = reads
        }
        #expect(cited == (reads ? "Once the valve sticks, the motor overheats."
            : "In cold weather, as every owner knows, the valve of the old pump sticks and its motor strains hard."))
    }

    /// "Why doesn't X …?" asks about a negative claim: the sentence that denies something
    /// answers it, over one that matches as many of its words.
    @Test(arguments: [true, false])
    func aNegatedWhyQuestionPrefersANegatedSentence(matches: Bool) throws {
        let corpus = """
            Soap can lift rust from steel pans because rust is bound to oil. \
            Soap cannot lift rust from cast pans because rust is bound to iron.
            """
        let cited = try firstCitation("Why doesn't soap lift rust from pans?", over: corpus) { $0.matchesNegation = matches }
        #expect(cited == (matches ? "Soap cannot lift rust from cast pans because rust is bound to iron."
            : "Soap can lift rust from steel pans because rust is bound to oil."))
    }

    @Test(arguments: [
        ("It won't help.", true), ("It does not help.", true), ("It never helps.", true),
        ("It cannot help.", true), ("It helps.", false), ("Neither helps.", true),
    ])
    func negationIsRead(_ sentence: String, _ expected: Bool) {
        #expect(AnswerCues.isNegated(words(sentence)) == expected, "\(sentence)")
    }

    /// For "how long", a span of time ("after 10 years") is the better answer than a word
    /// that only says something of how long ("not permanent"), though both are cues.
    @Test(arguments: [true, false])
    func aSpanOfTimeOutranksAPermanenceWord(grades: Bool) throws {
        let corpus = """
            Tattoo ink in sunlight is not permanent at all, sadly. \
            Tattoo ink in sunlight fades in 10 years.
            """
        let cited = try firstCitation("How long does tattoo ink last in sunlight?", over: corpus) { $0.gradesDurations = grades }
        #expect(cited == (grades ? "Tattoo ink in sunlight fades in 10 years." : "Tattoo ink in sunlight is not permanent at all, sadly."))
    }

    @Test func noDurationWithoutANumberAndUnit() {
        #expect(AnswerSpans.durationSpan(in: words("It works on the lower shelf.")) == nil)
        #expect(AnswerSpans.durationSpan(in: words("Many months passed.")) == nil)
    }

    @Test(arguments: [
        (QuestionKind.reason, "Lines form because muscles move.", true),
        (.reason, "Lines form on the face.", false),
        (.reason, "It threw so much ash into the air that temperatures fell.", true),  // a result of degree
        (.reason, "So many people came that the hall was full.", true),
        (.reason, "It rained so much.", false),  // no "that": no result follows
        (.reason, "So the rock melts, and that is all.", false),  // "so" without a degree
        (.reason, "The lid traps steam so the loaf can rise.", true),  // a purpose, "that" left out
        (.reason, "Keep it cool so it will not crack.", true),
        (.reason, "The loaf is so soft and the crust can crack.", false),  // the modal too far on
        (.reason, "It is so soft.", false),
        (.quantity, "It takes 20 units.", true),
        (.time, "It was approved in 2002.", true),
        (.method, "It works by blocking signals.", true),
        (.method, "Water passes through the membrane.", true),
        (.method, "The colony sleeps through the winter.", false),  // a time, not a way
        (.method, "By 1500 it was done by hand.", true),
        (.method, "By late March the work was done.", false),
        (.method, "By then it was done.", false),
        (.consequence, "When the valve sticks, the pump stops.", true),
        (.consequence, "As a result, the pump stops.", true),
        (.consequence, "The pump has a valve.", false),
    ])
    func matchesCuesForKinds(_ kind: QuestionKind, _ sentence: String, _ expected: Bool) {
        #expect(AnswerCues.matches(kind, words: words(sentence)) == expected)
    }

    /// Kinds without cues never match, so reranking need not read sentences for them.
    @Test(arguments: QuestionKind.allCases)
    func kindsThatCannotMatchNeverDo(_ kind: QuestionKind) {
        let text = "Kettles are made in Oslo because it works by using steam for 2 to 3 weeks since 2002 in March, May or June if dry."
        let tokens = Tokenizer().words(in: text)
        let matched = AnswerCues.matches(kind, tokens: tokens, in: text, subject: ["kettl"], stem: Fixtures.analyzer.stem,
                                         auxiliary: "is")
        #expect(matched == AnswerCues.canMatch(kind), "\(kind)")
    }

    @Test(arguments: [
        ("It grows in China, India, and Kenya.", true),
        ("It grows in China, India and Kenya.", true),
        ("Teas such as oolong need care.", true),
        ("Some teas, for example oolong, need care.", true),
        ("It grows in China and India.", false),
        ("When it rains in the hills, the old mountain roads flood and close.", false),
        ("Tea, which grows slowly, needs care.", false),
    ])
    func enumeratesSeriesAndExamples(_ sentence: String, _ expected: Bool) {
        #expect(AnswerCues.enumerates(Tokenizer().words(in: sentence), in: sentence) == expected, "\(sentence)")
    }

    @Test(arguments: [
        ("can", "Dogs may swim.", true),
        ("can", "Dogs cannot swim.", true),
        ("will", "It won't help.", true),
        ("is", "Kettles are loud.", true),
        ("can", "Dogs swim well.", false),
        ("can", "Kettles are loud.", false),
        ("does", "Dogs do swim.", false),
    ])
    func echoesTheQuestionsAuxiliaryFamily(_ auxiliary: String, _ sentence: String, _ expected: Bool) {
        #expect(AnswerCues.echoesAuxiliary(words(sentence), auxiliary) == expected, "\(auxiliary): \(sentence)")
    }

    @Test(arguments: [
        ("Tea costs less than coffee.", true),
        ("Coffee costs more than tea.", true),
        ("Unlike tea, coffee is roasted.", true),
        ("Tea is picked, whereas coffee is harvested.", true),
        ("Tea and coffee are both drunk hot.", false),
        // Both sides stand before the contrast word: it compares something else.
        ("Tea and coffee both cost more than water.", false),
        ("Tea costs more than water, and so does coffee.", true),
    ])
    func contrastsBySettingTheSidesAgainstEachOther(_ sentence: String, _ expected: Bool) {
        let sides: [Set<String>] = [["tea"], [Fixtures.analyzer.stem("coffee")]]
        #expect(AnswerCues.contrasts(words(sentence), sides: sides, stem: Fixtures.analyzer.stem) == expected, "\(sentence)")
    }

    @Test func definesSubjectAfterColonOrVerb() {
        let stem = Fixtures.analyzer.stem
        func defines(_ text: String) -> Bool {
            AnswerCues.definesSubject(Tokenizer().words(in: text), in: text, subject: ["kettl"], stem: stem)
        }
        #expect(defines("Kettles: these boil water."))
        #expect(defines("Electric kettles are fast."))
        #expect(!defines("Kettle prices vary."))
        #expect(!defines("Water boils fast."))
        // A label's colon is followed by a space or ends the sentence; one inside markup
        // or an address is not.
        #expect(defines("Kettles:\nthese boil water."))
        #expect(defines("Electric kettles:"))
        #expect(!defines("See :kettle:`6` for more."))
        #expect(!defines("Kettle://example is an address."))
    }

    @Test(arguments: [
        ("Many cooks own an electric kettle, which boils water fast.", true),
        ("The shop sells electric kettles, a handy tool for tea.", true),
        ("An electric kettle which boils water fast sits here.", false),  // no comma: restrictive
        ("Many cooks own an electric kettle, and it boils water fast.", false),
        ("After the kettles, a pan boils water.", false),  // one word of a two-word subject
        ("Many cooks own an electric kettle,\nwhich boils water fast.", true),  // a hard-wrapped line
        ("Many cooks own an electric kettle ,\r\n\ta tool for tea.", true),
        ("Many cooks own an electric kettle;\nwhich is fine.", false),
    ])
    func describesTheSubjectInApposition(_ text: String, _ expected: Bool) {
        let words = Tokenizer().words(in: text)
        let subject: Set<String> = ["electr", "kettl"]
        #expect(AnswerCues.describesInApposition(words, in: text, subject: subject, stem: Fixtures.analyzer.stem) == expected,
                "\(text)")
    }

    @Test(arguments: [
        ("Salt reached Norway through Baltic merchants.", true),
        ("The first kettle was made by Anna Berg in Oslo.", true),
        ("Salt reached Norway in the twelfth century.", false),  // "Norway" is the question's
        ("Merchants brought salt north.", false),  // a capital only at the start
        ("Salt: This mineral reached the north early.", false),  // a clause after a colon
        ("Then I bought salt.", false),
        ("Then I'm buying salt.", false),  // "I" with a verb after an apostrophe is no name either
        ("Then I’ve bought salt.", false),
        ("He said “Salt is good” to all.", false),
        ("Salt reached Norway around 280 BC.", false),  // times with capitals name no one
        ("Salt reached Norway each March, on a Sunday.", false),
        ("Salt reached Norway each March with Anna Berg.", true),
    ])
    func namesSomeoneTheQuestionDoesNot(_ text: String, _ expected: Bool) {
        let question: Set<String> = ["brought", "salt", "norway"].map(Fixtures.analyzer.stem).reduce(into: []) { $0.insert($1) }
        #expect(AnswerCues.namesSomeone(Tokenizer().words(in: text), in: text, besides: question,
                                        stem: Fixtures.analyzer.stem) == expected, "\(text)")
    }

    /// The text of the first citation answering `question` over `corpus` alone, never
    /// abstaining, with `options` changed by `configure`.
    func firstCitation(_ question: String, over corpus: String,
                       _ configure: (inout AnswerOptions) -> Void) throws -> String? {
        try Fixtures.firstCitation(question, over: corpus, configure)
    }

    @Test func aProperNameAnswersWho() throws {
        let corpus = """
            Salt spread across Norway quickly.

            Salt reached Norway through Baltic merchants.
            """
        func answer(names: Bool) throws -> String? {
            try firstCitation("Who brought salt to Norway?", over: corpus) { $0.recognisesNames = names }
        }
        #expect(try answer(names: false) == "Salt spread across Norway quickly.")
        #expect(try answer(names: true) == "Salt reached Norway through Baltic merchants.")
    }

    /// A one-word subject needs only itself: "What is a kettle?"
    @Test func aOneWordSubjectInAppositionIsDescribed() {
        let text = "Tea needs a kettle, which boils water."
        #expect(AnswerCues.describesInApposition(Tokenizer().words(in: text), in: text, subject: ["kettl"],
                                                 stem: Fixtures.analyzer.stem))
    }

    @Test func aDefinitionInAppositionAnswersWhatIsX() throws {
        let corpus = """
            A smart kettle costs more than a plain one, and its price keeps rising.

            Cooks link their phone to a smart kettle, which heats water to a set temperature.
            """
        func answer(apposition: Bool) throws -> String? {
            try firstCitation("What is a smart kettle?", over: corpus) { $0.recognisesApposition = apposition }
        }
        #expect(try answer(apposition: false) == "A smart kettle costs more than a plain one, and its price keeps rising.")
        #expect(try answer(apposition: true) == "Cooks link their phone to a smart kettle, which heats water to a set temperature.")
    }

    @Test(arguments: [
        ("These are known as electric kettles.", true),
        ("Such devices are called “electric kettles” by most.", true),
        ("It is often referred to as an electric kettle.", false),  // "an" breaks the run
        ("These are known as kettles.", false),  // names only part of the subject
        ("Electric kettles are known as fast.", false),  // the subject precedes the phrase
        ("Known electric kettles boil water.", false),
    ])
    func namesTheSubjectAfterANamingPhrase(_ text: String, _ expected: Bool) {
        let words = Tokenizer().words(in: text).map(\.surface)
        #expect(AnswerCues.namesSubject(words, subject: ["electr", "kettl"], stem: Fixtures.analyzer.stem) == expected)
    }

    @Test func aSentenceNamingTheSubjectStandsForTheOneItNames() throws {
        // The naming sentence earns the definition cue and, referring back, stands for the
        // sentence before it, which says what the named thing is. Without naming cues
        // the sentence that opens with the subject wins.
        let corpus = "Some kettles switch themselves off once the water boils. These are known as automatic kettles. "
            + "Automatic kettles include models with a steam sensor in the lid."
        let index = try Fixtures.index([corpus])
        func cited(_ options: AnswerOptions) -> String? {
            Answerer(index: index, analyzer: Fixtures.analyzer, options: options)
                .answer("What are automatic kettles?").citations.first?.text
        }
        #expect(cited(AnswerOptions(minScore: 0)) == "Some kettles switch themselves off once the water boils.")
        #expect(cited(AnswerOptions(minScore: 0, recognisesNaming: false))
            == "Automatic kettles include models with a steam sensor in the lid.")
    }
}

@Suite struct ShortAnswerSpanTests {
    func words(_ text: String) -> [String] { Tokenizer().words(in: text).map(\.surface) }

    @Test(arguments: [
        ("A typical dose is 20 units per area.", "20 units"),
        ("Patients need two or three sessions.", "two or three sessions"),
        ("The effect lasts 2 to 3 weeks.", "2 to 3 weeks"),
    ])
    func readsQuantities(_ sentence: String, _ span: String) throws {
        let tokens = words(sentence)
        let range = try #require(AnswerSpans.quantitySpan(in: tokens, stopWords: StopWords.english))
        #expect(tokens[range].joined(separator: " ") == span)
    }

    /// A number that counts what the question asks about wins over the first number or
    /// span of time in the sentence.
    @Test(arguments: [
        ("A kettle uses 300 watts for an hour.", ["watt"], "300 watts"),
        ("In two hours, the kettle uses 300 watts.", ["watt"], "300 watts"),
        ("In two hours, the kettle boils 3 to 4 litres.", ["litr"], "3 to 4 litres"),
        ("In two hours, the kettle uses 300 watts.", [], "two hours"),
        ("The kettle holds 2 cups and uses 300 watts.", ["kettl"], "2 cups"),
    ] as [(String, [String], String)])
    func prefersTheNumberThatCountsTheQuestionsWord(_ sentence: String, _ counting: [String], _ span: String) throws {
        let tokens = words(sentence)
        let range = try #require(AnswerSpans.quantitySpan(in: tokens, stopWords: StopWords.english, counting: Set(counting),
                                                         stem: Fixtures.analyzer.stem))
        #expect(tokens[range].joined(separator: " ") == span)
    }

    @Test(arguments: [
        ("It was approved in 2002 for frown lines.", "2002"),
        ("Trials began on March 4 2001.", "march 4 2001"),
    ])
    func readsDates(_ sentence: String, _ span: String) throws {
        let tokens = words(sentence)
        let range = try #require(AnswerSpans.dateSpan(in: tokens))
        #expect(tokens[range].joined(separator: " ") == span)
    }

    @Test(arguments: [
        ("Hedgehogs sleep deeply in winter.", true),
        ("Owls hunt at night.", true),
        ("It was built in 1950.", true),
        ("Hedgehogs sleep in hedges.", false),
        ("Leaves fall from trees.", false),
    ])
    func timeQuestionsAreAnsweredBySeasonsAndTimesOfDay(_ sentence: String, _ expected: Bool) {
        #expect(AnswerCues.matches(.time, words: words(sentence)) == expected, "\(sentence)")
    }

    @Test func mayAloneIsNotAMonth() {
        #expect(AnswerSpans.dateSpan(in: words("Fillers may plump lips.")) == nil)
    }

    @Test func quantityQuestionGetsAShortAnswer() throws {
        let index = try Fixtures.index(["Each kettle holds 2 litres of water. Kettles are metal."])
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer).answer("How many litres does a kettle hold?")
        #expect(answer.shortAnswer == "2 litres")
        #expect(answer.text == "2 litres. [1]")
    }

    /// The short answer is the number of what the question counts, not the first number or
    /// span of time in the sentence.
    @Test func quantityShortAnswerCountsWhatTheQuestionCounts() throws {
        let index = try Fixtures.index(["In an hour a kettle uses 300 watts. Kettles are metal."])
        let answer = Answerer(index: index, analyzer: Fixtures.analyzer).answer("How many watts does a kettle use?")
        #expect(answer.shortAnswer == "300 watts")
    }
}

@Suite struct TextRendererTests {
    @Test func wrappedLinesShowAsOneLine() {
        #expect(TextRenderer.joiningLines("one\n   two\r\nthree  four") == "one two three  four")
        #expect(TextRenderer.joiningLines("no breaks  here") == "no breaks  here")
    }

    @Test func controlCharactersAreEscaped() {
        #expect(TextRenderer.escaped("a\u{1B}[31mb\u{7}") == "a\\u{1B}[31mb\\u{7}")
    }

    @Test func rendersAnswerAndCitationLines() {
        let citation = Citation(source: "doc.txt", paragraph: 2, sentence: 3, text: "Line one\n  continues.", score: 1)
        let answer = Answer(question: "q", text: "Line one\n  continues. [1]", abstained: false,
                            citations: [citation], confidence: 1)
        #expect(TextRenderer().render(answer) == "Line one continues. [1]\n  [1] doc.txt ¶2.3: \"Line one continues.\"\n")
    }

    @Test func abstentionPrintsOnlyTheMessage() {
        let answer = Answer(question: "q", text: Answerer.abstentionText, abstained: true, citations: [], confidence: 0)
        #expect(TextRenderer().render(answer) == Answerer.abstentionText + "\n")
    }

    @Test func colourOnlyWhenAsked() {
        let citation = Citation(source: "d", paragraph: 1, sentence: 1, text: "t", score: 1)
        #expect(!TextRenderer(colour: false).renderCitations([citation], numberedFrom: 1).contains("\u{1B}"))
        #expect(TextRenderer(colour: true).renderCitations([citation], numberedFrom: 1).contains("\u{1B}["))
    }
}

@Suite struct ReferenceFollowingTests {
    static let corpus = "Kettles lose heat through thin steel walls. These are known as cheap kettles. Others keep water hot."

    @Test func namingSentenceStandsForTheDescriptionBeforeIt() throws {
        let index = try Fixtures.index([Self.corpus])
        let answerer = Answerer(index: index, analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
        #expect(answerer.answer("What are cheap kettles?").citations.first?.text
                == "Kettles lose heat through thin steel walls.")
        var off = AnswerOptions(minScore: 0)
        off.followsReferences = false
        let plain = Answerer(index: index, analyzer: Fixtures.analyzer, options: off)
        #expect(plain.answer("What are cheap kettles?").citations.first?.text == "These are known as cheap kettles.")
    }

    @Test func theStandInRemembersTheSentenceItsCoverageWasMeasuredOn() throws {
        let index = try Fixtures.index([Self.corpus])
        let answerer = Answerer(index: index, analyzer: Fixtures.analyzer, options: AnswerOptions(minScore: 0))
        let best = try #require(answerer.analyse("What are cheap kettles?").candidates.first)
        #expect(best.sentence == 0 && best.measuredOn == 1)
        let unresolved = try #require(answerer.analyse("Do kettles lose heat?").candidates.first)
        #expect(unresolved.sentence == 0 && unresolved.measuredOn == nil)
    }

    @Test func sentencesWithContentOfTheirOwnAreKept() throws {
        let index = try Fixtures.index(["Kettles boil water. They switch off when the water boils and cools slowly."])
        let answerer = Answerer(index: index, analyzer: Fixtures.analyzer)
        let asked = Set([try #require(index.vocabulary.id(of: "switch"))])
        #expect(answerer.antecedent(of: 1, asked: asked) == nil)
        // Nothing refers back from the first sentence of a paragraph.
        #expect(answerer.antecedent(of: 0, asked: asked) == nil)
    }
}

@Suite struct LongQuoteTests {
    @Test func terminalOutputCutsGiantSentencesButSaysSo() {
        let giant = String(repeating: "word ", count: 10_000) + "end."
        let citation = Citation(source: "big.txt", paragraph: 1, sentence: 1, text: giant, score: 1)
        let answer = Answer(question: "q", text: giant + " [1]", abstained: false, citations: [citation], confidence: 1)
        let shown = TextRenderer().render(answer)
        #expect(shown.count < 2 * TextRenderer.maximumShownCharacters + 200)
        #expect(shown.contains(" […]"))
        #expect(AnswerRecord(answer).jsonLine().contains("end."))  // JSON keeps the whole sentence
    }
}

/// A "why" question whose best match restates the claim is answered by the sentence right
/// after it when that one gives the reason.
@Suite struct ExplanationTests {
    static let corpus = """
        Copper kettles heat water quickly. That is because copper conducts heat well.

        Steel kettles heat water slowly.

        That is because steel conducts heat poorly.

        Glass kettles show the water. Many people like to watch it boil.
        """

    func answer(_ question: String, explanations: Bool) throws -> Answer {
        try Fixtures.answer(question, over: Self.corpus) { $0.followsExplanations = explanations }
    }

    @Test func theReasonAfterTheClaimAnswers() throws {
        let question = "Why do copper kettles heat water quickly?"
        #expect(try answer(question, explanations: false).citations.first?.text == "Copper kettles heat water quickly.")
        #expect(try answer(question, explanations: true).citations.first?.text == "That is because copper conducts heat well.")
    }

    /// Only the next sentence of the same paragraph, and only when it shows a reason.
    @Test(arguments: [
        ("Why do glass kettles show the water?", "Glass kettles show the water."),
        ("Why do steel kettles heat water slowly?", "Steel kettles heat water slowly."),
    ])
    func aNeighbourWithoutAReasonOrInAnotherParagraphDoesNot(_ question: String, _ claim: String) throws {
        #expect(try answer(question, explanations: false).citations.first?.text == claim)
        #expect(try answer(question, explanations: true).citations.first?.text == claim)
    }

    /// The claim's own confidence stands for its explanation, which need not repeat the
    /// question's words.
    @Test func theExplanationIsAnsweredOnTheClaimsConfidence() throws {
        let question = "Why do copper kettles heat water quickly?"
        let explained = try answer(question, explanations: true)
        let claimed = try answer(question, explanations: false)
        #expect(explained.confidence == claimed.confidence)
        #expect(!explained.abstained)
    }

    /// The explanation is cited; the analysis keeps the claim it stands for, for `:why`.
    @Test func theCitationKnowsTheClaimItStandsFor() throws {
        let answerer = Answerer(index: try Fixtures.index([Self.corpus]), analyzer: Fixtures.analyzer,
                                options: AnswerOptions(minScore: 0))
        let question = "Why do copper kettles heat water quickly?"
        let cited = try #require(answerer.answer(question).citations.first)
        let claim = try #require(answerer.standsFor(cited, in: answerer.analyse(question)))
        #expect(answerer.citation(ofSentence: claim).text == "Copper kettles heat water quickly.")
        #expect(answerer.sentence(citedBy: cited) == claim + 1)
        let quickly = try #require(answerer.analyse(question).query.terms.first { $0.surface == "quickly" })
        #expect(answerer.sentence(claim, contains: quickly))
        #expect(!answerer.cites(term: quickly, in: cited))
    }

    /// The claim's stand-in is a candidate of its own too: the analysis lists it once, even
    /// with reference following (which used to remove such repeats) switched off.
    @Test(arguments: [true, false])
    func anExplanationIsListedOnce(followsReferences: Bool) throws {
        var options = AnswerOptions(minScore: 0)
        options.followsReferences = followsReferences
        let answerer = Answerer(index: try Fixtures.index([Self.corpus]), analyzer: Fixtures.analyzer, options: options)
        let analysis = answerer.analyse("Why do copper kettles heat water quickly?")
        let sentences = analysis.candidates.map(\.sentence)
        #expect(sentences.first.map { answerer.citation(ofSentence: $0).text } == "That is because copper conducts heat well.")
        #expect(sentences.count == Set(sentences).count, "\(sentences)")
    }

    /// "This is because …" opens with a referring word, as a naming sentence does; the
    /// explanation standing for its claim must not be sent back to the claim by reference
    /// following.
    @Test func anExplanationOpeningWithThisIsCited() throws {
        let corpus = "Copper kettles heat water quickly. This is because copper conducts heat.\n"
        let answerer = Answerer(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer,
                                options: AnswerOptions(minScore: 0))
        let question = "Why do copper kettles heat water quickly?"
        let cited = try #require(answerer.answer(question).citations.first)
        #expect(cited.text == "This is because copper conducts heat.")
        let claim = try #require(answerer.standsFor(cited, in: answerer.analyse(question)))
        #expect(answerer.citation(ofSentence: claim).text == "Copper kettles heat water quickly.")
    }

    /// A "This is because …" sentence that matches the question itself gives the reason: it
    /// is cited, not the sentence before it, as a naming sentence's description would be.
    @Test func aReasonOpeningWithThisAnswersItself() throws {
        let corpus = "Copper kettles heat water quickly. This is because copper conducts heat.\n"
        let answerer = Answerer(index: try Fixtures.index([corpus]), analyzer: Fixtures.analyzer,
                                options: AnswerOptions(minScore: 0))
        #expect(answerer.answer("Why does copper conduct heat?").citations.first?.text == "This is because copper conducts heat.")
    }

    /// Other kinds of question keep their best sentence.
    @Test func onlyWhyQuestions() throws {
        let question = "Do copper kettles heat water quickly?"
        #expect(try answer(question, explanations: true).citations.first?.text == "Copper kettles heat water quickly.")
    }
}

/// A sentence that ends by naming the subject of "what are X", followed by one that opens by
/// describing it ("These are …"), is answered with the description.
@Suite struct FollowingDefinitionTests {
    static let corpus = """
        The greatest danger is not the lava but pyroclastic flows. These are fast avalanches of hot gas and rock.

        Pyroclastic flows move downhill. They are hard to outrun.
        """

    func firstCitation(_ question: String, following: Bool) throws -> String? {
        try Fixtures.firstCitation(question, over: Self.corpus) { $0.followsDefinitions = following }
    }

    @Test func theDescriptionAfterTheNamingSentenceAnswers() throws {
        let question = "what are pyroclastic flows"
        #expect(try firstCitation(question, following: true) == "These are fast avalanches of hot gas and rock.")
        #expect(try firstCitation(question, following: false) != "These are fast avalanches of hot gas and rock.")
    }

    /// Only a sentence that ends with the subject hands over to the next: "Pyroclastic flows
    /// move downhill." names it first, and "They are …" after it is left alone.
    @Test func aSentenceNotEndingWithTheSubjectKeepsItsPlace() {
        let stem = Fixtures.analyzer.stem
        let stopWords = Fixtures.analyzer.stopWords
        let words = { (text: String) in Tokenizer().words(in: text).map(\.surface) }
        #expect(Answerer.endsWith(Set(["pyroclastic", "flows"].map(stem)), words("It is not the lava but pyroclastic flows."), stem: stem, stopWords: stopWords))
        #expect(!Answerer.endsWith(Set(["pyroclastic", "flows"].map(stem)), words("Pyroclastic flows move downhill."), stem: stem, stopWords: stopWords))
        #expect(!Answerer.endsWith([], words("Anything."), stem: stem, stopWords: stopWords))
    }
}

/// "How often" asks for a frequency: a sentence saying "once a week" or "every two weeks"
/// answers it, one that merely holds a number does not.
@Suite struct FrequencyTests {
    func words(_ text: String) -> [String] { Tokenizer().words(in: text).map(\.surface) }

    @Test(arguments: [
        ("Feed it once a day.", true),
        ("Give it fertiliser every two to four weeks.", true),
        ("Water it every other day.", true),
        ("Check it every morning.", true),
        ("Every one of them grew.", false),
        ("It doubles within four to eight hours.", false),
    ])
    func readsFrequencies(_ sentence: String, _ expected: Bool) {
        #expect(AnswerCues.statesFrequency(words(sentence)) == expected)
    }

    static let corpus = """
        An active starter doubles in size within four to eight hours of a feeding.

        A starter kept in the refrigerator needs a feeding once a week.
        """

    func firstCitation(_ question: String, frequency: Bool) throws -> String? {
        try Fixtures.firstCitation(question, over: Self.corpus) { $0.matchesFrequency = frequency }
    }

    @Test func howOftenTakesTheFrequency() throws {
        let question = "how often do i feed my starter"
        #expect(try firstCitation(question, frequency: true) == "A starter kept in the refrigerator needs a feeding once a week.")
        #expect(try firstCitation(question, frequency: false)
            == "An active starter doubles in size within four to eight hours of a feeding.")
    }
}

/// A "how long" or "when" question whose best match makes the claim without the span of
/// time or the date is answered by the sentence right after it when that one gives it.
@Suite struct ElaborationTests {
    static let corpus = """
        Cast iron kettles are very durable. Makers guarantee that such a kettle still works after 30 years of daily use.

        Enamel kettles are durable as well. Many people like their bright colours.

        Glass kettles are durable. It keeps working for 10 years.

        Copper kettles are durable too.

        Most copper ones keep working for 20 years.
        """

    func answer(_ question: String, elaborations: Bool) throws -> Answer {
        try Fixtures.answer(question, over: Self.corpus) { $0.followsElaborations = elaborations }
    }

    @Test func theSpanAfterTheClaimAnswers() throws {
        let question = "How long are cast iron kettles durable?"
        #expect(try answer(question, elaborations: false).citations.first?.text == "Cast iron kettles are very durable.")
        let answer = try answer(question, elaborations: true)
        #expect(answer.citations.first?.text == "Makers guarantee that such a kettle still works after 30 years of daily use.")
        #expect(answer.shortAnswer == "30 years")
    }

    /// Only the next sentence of the same paragraph, only when it gives a span, and only
    /// when it shares a word with the question.
    @Test(arguments: [
        ("How long are enamel kettles durable?", "Enamel kettles are durable as well."),
        ("How long are glass kettles durable?", "Glass kettles are durable."),
        ("How long are copper kettles durable?", "Copper kettles are durable too."),
    ])
    func aNeighbourWithoutTheSpanSharedWordsOrParagraphDoesNot(_ question: String, _ claim: String) throws {
        #expect(try answer(question, elaborations: false).citations.first?.text == claim)
        #expect(try answer(question, elaborations: true).citations.first?.text == claim)
    }
}

/// A "which" question whose best match restates it without naming the items is answered
/// by the sentence right after it when that one refers back and lists them.
@Suite struct EnumerationTests {
    static let corpus = """
        Some kettles switch off by themselves. These include steel, glass and plastic kettles.

        Many kettles whistle when the water boils. This includes models from several makers.

        Some toasters brown bread evenly. These toasters cost more than most.

        Some teapots keep tea hot for hours.

        These include steel, glass and clay teapots.
        """

    func firstCitation(_ question: String, enumerations: Bool) throws -> String? {
        try Fixtures.firstCitation(question, over: Self.corpus) { $0.followsEnumerations = enumerations }
    }

    @Test func theListAfterTheClaimAnswers() throws {
        let question = "Which kettles switch off by themselves?"
        #expect(try firstCitation(question, enumerations: false) == "Some kettles switch off by themselves.")
        #expect(try firstCitation(question, enumerations: true) == "These include steel, glass and plastic kettles.")
    }

    /// Only the next sentence of the same paragraph, only when it lists items, and only
    /// when it shares a word with the question.
    @Test(arguments: [
        ("Which kettles whistle when the water boils?", "Many kettles whistle when the water boils."),
        ("Which toasters brown bread evenly?", "Some toasters brown bread evenly."),
        ("Which teapots keep tea hot for hours?", "Some teapots keep tea hot for hours."),
    ])
    func aNeighbourWithoutAListSharedWordsOrParagraphDoesNot(_ question: String, _ claim: String) throws {
        #expect(try firstCitation(question, enumerations: false) == claim)
        #expect(try firstCitation(question, enumerations: true) == claim)
    }
}

/// "What causes X?" is answered by the sentence that gives X's reason in other words,
/// as "Why X?" is.
@Suite struct CauseVerbTests {
    static let corpus = """
        Scale in a kettle is a consequence of hard water.

        Kettles were first sold in 1891.
        """

    @Test func aReasonWithoutTheWordCauseAnswers() throws {
        let question = "What causes scale in a kettle?"
        func answer(causeVerbs: Bool) throws -> Answer {
            try Fixtures.answer(question, over: Self.corpus) { options in
                options.minScore = AnswerOptions.defaultMinScore
                options.readsCauseVerbs = causeVerbs
            }
        }
        let read = try answer(causeVerbs: true)
        #expect(!read.abstained)
        #expect(read.citations.first?.text == "Scale in a kettle is a consequence of hard water.")
        // Counted as a word the sentence lacks, "cause" costs the answer.
        #expect(try answer(causeVerbs: false).abstained)
    }
}

/// "How long does X last?" is answered by a sentence that gives the span without "last".
@Suite struct DurationVerbTests {
    static let corpus = """
        Copper kettles keep working for 30 years.

        Enamel kettles were sold in 1891.
        """

    @Test func aSpanWithoutTheWordLastAnswers() throws {
        func answer(durationVerbs: Bool) throws -> Answer {
            try Fixtures.answer("How long do kettles last?", over: Self.corpus) { options in
                options.minScore = AnswerOptions.defaultMinScore
                options.readsDurationVerbs = durationVerbs
            }
        }
        let read = try answer(durationVerbs: true)
        #expect(!read.abstained)
        #expect(read.shortAnswer == "30 years")
        #expect(try answer(durationVerbs: false).abstained)
    }
}

/// "What are X?" is best answered by a sentence that opens with X: one that gets to X later
/// is about something else as well.
@Suite struct GradedDefinitionTests {
    static let corpus = """
        In kitchens, kettles are handy.

        Kettles are pots for boiling water.

        Teapots keep tea hot.
        """

    @Test func theSentenceOpeningWithTheSubjectDefinesIt() throws {
        func first(grading: Bool) throws -> String? {
            try Fixtures.firstCitation("What are kettles?", over: Self.corpus) { $0.gradesDefinitions = grading }
        }
        #expect(try first(grading: true) == "Kettles are pots for boiling water.")
        #expect(try first(grading: false) == "In kitchens, kettles are handy.")
    }

    @Test(arguments: [
        ("Kettles are pots.", true), ("A kettle is a pot.", true), ("The kettles boil.", true),
        ("In kitchens, kettles are handy.", false), ("Teapots and kettles are pots.", false), ("", false),
    ])
    func opensWithTheSubject(_ sentence: String, _ opens: Bool) {
        let words = Fixtures.analyzer.tokenizer.words(in: sentence).map(\.surface)
        #expect(AnswerCues.opensWith(["kettl"], words: words, stem: Fixtures.analyzer.stem) == opens, "\(sentence)")
    }
}

/// "How do I X?" is answered by an instruction, which need not say "by" or "using".
@Suite struct InstructionTests {
    static let corpus = """
        Kettles are hard to clean.

        Clean the kettle with vinegar.

        Teapots keep tea hot.
        """

    func answerer(instructions: Bool) throws -> Answerer {
        var options = AnswerOptions(minScore: 0)
        options.readsInstructions = instructions
        return Answerer(index: try Fixtures.index([Self.corpus]), analyzer: Fixtures.analyzer,
                        lexicon: try Fixtures.wordNet(), options: options)
    }

    @Test func anInstructionAnswersHow() throws {
        let question = "How do I clean a kettle?"
        #expect(try answerer(instructions: true).answer(question).citations.first?.text == "Clean the kettle with vinegar.")
        #expect(try answerer(instructions: false).answer(question).citations.first?.text == "Kettles are hard to clean.")
    }

    @Test(arguments: [
        ("Use the --fast option.", true), ("Give Kettle the lid.", true), ("Rinse it twice.", true),
        ("Water boils at 100 degrees.", false), ("Results vary.", false), ("The kettle boils.", false),
        ("Uses the lid.", false), ("Descale.", false),
    ])
    func opensWithAnInstruction(_ sentence: String, _ instructs: Bool) throws {
        let tokens = Fixtures.analyzer.tokenizer.words(in: sentence)
        #expect(try answerer(instructions: true).givesInstruction(tokens, in: sentence) == instructs, "\(sentence)")
    }
}

/// "C. Thus X." says what follows from C, not why C holds: for "why C?" the sentence with
/// "thus" is no explanation.
@Suite struct ConclusionTests {
    static let corpus = """
        Kettles switch off by themselves. Thus, the water never boils dry.

        A kettle switches off because a metal strip bends when it gets hot.
        """

    @Test func aConclusionDoesNotExplainTheSentenceBeforeIt() throws {
        let question = "Why do kettles switch off by themselves?"
        let conclusion = "Thus, the water never boils dry."
        #expect(try Fixtures.firstCitation(question, over: Self.corpus) { $0.readsConclusions = true } != conclusion)
        #expect(try Fixtures.firstCitation(question, over: Self.corpus) { $0.readsConclusions = false } == conclusion)
    }

    @Test(arguments: [
        ("Thus, the water never boils dry.", true), ("Hence the name.", true),
        ("Thus it stops because the strip bends.", false), ("It stops because the strip bends.", false),
        ("It stops so that it cannot boil dry.", false), ("The strip bends.", false),
    ])
    func onlyDrawsAConclusion(_ sentence: String, _ concludes: Bool) {
        let words = Fixtures.analyzer.tokenizer.words(in: sentence).map(\.surface)
        #expect(AnswerCues.onlyDrawsConclusion(words) == concludes, "\(sentence)")
    }
}

/// "When should X be done?" is answered by the condition it is done under, which is no date
/// or span of time but still the kind of answer asked for.
@Suite struct ConditionTests {
    static let corpus = """
        Kettles should be descaled when white scale covers the element.

        Kettles were first sold in 1891.
        """

    func answer(_ question: String, conditions: Bool) throws -> Answer {
        try Fixtures.answer(question, over: Self.corpus) { $0.readsConditions = conditions }
    }

    @Test func aConditionIsTheAnswerTypeOfWhenShould() throws {
        let question = "When should kettles be descaled?"
        let reading = try answer(question, conditions: true), plain = try answer(question, conditions: false)
        #expect(reading.citations.first?.text == "Kettles should be descaled when white scale covers the element.")
        #expect(plain.citations.first?.text == reading.citations.first?.text)
        // Without the reading the sentence holds no date or span of time, and counts half.
        #expect(abs(plain.confidence - reading.confidence / 2) < 1e-9)
        #expect(reading.confidence > 0.9)
    }

    @Test func theShortAnswerIsTheCondition() throws {
        let answer = try answer("When should kettles be descaled?", conditions: true)
        #expect(answer.shortAnswer == "when white scale covers the element")
        #expect(answer.text.hasPrefix("When white scale covers the element. [1]"))
        #expect(try self.answer("When should kettles be descaled?", conditions: false).shortAnswer == nil)
    }

    /// The clause runs from its conjunction to the next break between words, and a hyphen
    /// inside a word is none.
    @Test(arguments: [
        ("Water it when the soil is bone-dry, not before.", "when the soil is bone-dry"),
        ("Bake it until the crust is brown; then cool it.", "until the crust is brown"),
        ("Feed it as soon as it doubles.", "as soon as it doubles"),
        ("Feed it once a week.", nil),  // "once" counts here
        ("Ask if so.", nil),  // too short for a clause
    ] as [(String, String?)])
    func readsTheConditionClause(_ sentence: String, _ clause: String?) {
        let words = Tokenizer().words(in: sentence)
        let span = AnswerSpans.conditionSpan(in: words, text: sentence)
        let read = span.map { CorpusIndex.slice(sentence, words[$0.lowerBound].range.lowerBound..<words[$0.upperBound - 1].range.upperBound) }
        #expect(read == clause, "\(sentence)")
    }

    @Test func whenDidStillAsksForADate() throws {
        let answer = try answer("When were kettles descaled?", conditions: true)
        #expect(answer.kind == .time)
        // The condition is no answer to "when were": the sentence counts half.
        #expect(answer.citations.first?.text == "Kettles should be descaled when white scale covers the element.")
        #expect(answer.confidence < 0.6)
    }
}

/// A list item that only repeats the question's words is answered by the sentence that
/// introduces its list.
@Suite struct EchoedItemTests {
    static let corpus = """
        The kettle club has the final say over its kitchen, including:

        * Water temperature
        * Kettle colours and the brand of tea bags

        Members vote on everything else.
        """

    func firstCitation(_ question: String, echoedItems: Bool) throws -> String? {
        try Fixtures.firstCitation(question, over: Self.corpus) { $0.readsEchoedItems = echoedItems }
    }

    @Test func theLeadInAnswersForAnItemThatEchoesTheQuestion() throws {
        let question = "who decides the water temperature"
        #expect(try firstCitation(question, echoedItems: false) == "Water temperature")
        #expect(try firstCitation(question, echoedItems: true) == "The kettle club has the final say over its kitchen, including:")
    }

    @Test func anItemThatSaysMoreThanTheQuestionAnswersItself() throws {
        let question = "who decides the kettle colours"
        #expect(try firstCitation(question, echoedItems: true) == "Kettle colours and the brand of tea bags")
    }
}

/// "That" opening a sentence points back as "this" does: a sentence that only says what
/// the one before it achieves stands for it.
@Suite struct ThatReferenceTests {
    @Test func aSentenceOpeningWithThatStandsForTheOneBefore() throws {
        let corpus = "If the kettle scales up, pour in a cup of vinegar and boil it. That will clear the scale from the kettle.\n\n"
            + "Kettles come in steel and glass."
        let question = "how do I clear the scale from my kettle"
        #expect(try Fixtures.firstCitation(question, over: corpus) == "If the kettle scales up, pour in a cup of vinegar and boil it.")
        #expect(try Fixtures.firstCitation(question, over: corpus) { $0.followsReferences = false }
                == "That will clear the scale from the kettle.")
    }
}
