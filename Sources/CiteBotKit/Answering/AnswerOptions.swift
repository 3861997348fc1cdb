/// How answers are chosen and when citebot abstains.
public struct AnswerOptions: Sendable, Equatable {
    /// How many sentences an answer cites (comparisons cite at least two, one per side).
    public var topK: Int
    /// The least confidence, in [0, 1], at which citebot answers rather than abstains.
    ///
    /// Confidence is the coverage of the best sentence (see ``SentenceRanker``): the share
    /// of the question's idf weight that the sentence, or at half weight its passage or the
    /// title it stands under, matches, with a word the sentence says through a synonym counted as matched
    /// (``confidenceSynonymSenses``), and halved when the sentence lacks the kind of answer
    /// asked for (``requiresAnswerType``). The default was chosen for decision accuracy
    /// (answered correctly or rightly abstained) with `citebot eval FILE --sweep`, first
    /// on the development split and since checked on every question set; the README's
    /// "Choosing the threshold" gives the figures.
    public var minScore: Double
    /// How many next-best sentences are kept as alternatives (for `:more` and ranking metrics).
    public var alternatives: Int
    /// Added to the score of a sentence that shows a cue for the question's kind
    /// (a span of time for "how long", a causal connective for "why").
    public var cueBonus: Double
    /// Whether, for "what is X" questions, a sentence that names X ("These are known as X")
    /// earns the cue bonus; with ``followsReferences`` it then stands for the sentence it names.
    public var recognisesNaming: Bool
    /// Added, in proportion, for the share of consecutive question-word pairs that stand
    /// close together in a sentence (phrase and proximity matching).
    public var proximityWeight: Double
    /// Whether a matching sentence that only names what the sentence before it describes
    /// ("These are known as X.") is replaced by that sentence. One that itself holds what
    /// the question asks for ("This is because …" for "why") is kept.
    public var followsReferences: Bool
    /// Whether question words unknown to the corpus are corrected to near corpus words.
    public var correctsTypos: Bool
    /// Whether typos may be corrected to stems the corpus uses only inflected
    /// (see ``QueryBuilder/correctsToStems``).
    public var correctsToStems: Bool
    /// How many senses of each question word contribute synonyms from the lexicon (0: none).
    public var synonymSenses: Int
    /// Whether question words the corpus lacks and the lexicon lists only as adverbs are
    /// ignored (see ``QueryBuilder/dropsUnknownAdverbs``).
    public var dropsUnknownAdverbs: Bool
    /// Whether a real word the corpus lacks is corrected to a near corpus word with the
    /// same base form (see ``QueryBuilder/correctsToSameBaseForm``).
    public var correctsToSameBaseForm: Bool = true
    /// Whether a question word the corpus lacks is read as an irregular base form the
    /// lexicon gives for it ("swam" as "swim"; see ``QueryBuilder/resolvesBaseForms``).
    public var resolvesBaseForms: Bool = true
    /// Whether, when choosing one sentence per side of a comparison, a sentence counts as
    /// naming the other side only when it has every term of that side, rather than any one
    /// (see ``Answerer/comparisonEvidence(_:sides:)``).
    public var namesSidesWhole: Bool
    /// Whether a sentence that lists items (see ``AnswerCues/enumerates(_:in:)``) earns the
    /// cue bonus for a question that asks for items ("which …", "what kinds of …").
    public var recognisesLists: Bool
    /// Whether, for a yes/no question, a sentence with an auxiliary verb of the same family as
    /// the question's ("Can X …?" and "X may …") earns the cue bonus
    /// (see ``AnswerCues/echoesAuxiliary(_:_:)``).
    public var matchesAuxiliaries: Bool
    /// Whether a comparison's answer leads with a sentence that names both sides and
    /// contrasts them, when there is one (see ``Answerer/comparisonEvidence(_:sides:)``).
    public var leadsWithContrast: Bool
    /// Whether a comparison side whose best sentence matches none of the question's words
    /// beyond that side's own is described by a sentence that defines the side ("X: this
    /// …", "X contains …") instead: with no aspect in common, what each side is says how
    /// the two differ (see ``Answerer/comparisonEvidence(_:sides:)``).
    public var comparesDefinitions: Bool = true
    /// How many senses of a question word the best sentence lacks are searched for a
    /// synonym the sentence holds, which makes the word count as matched in the confidence
    /// but not in ranking (0: none; see ``Answerer/confidence(of:query:)``).
    public var confidenceSynonymSenses: Int
    /// Whether, in confidence only, a best sentence that opens with a demonstrative ("These
    /// wrinkles …") counts the question words of the sentence before it as matched: it says
    /// what it says about that sentence's topic (see ``Answerer/confidence(of:query:)``).
    public var readsDemonstratives: Bool = true
    /// Whether "what's X", "what exactly is X" and "what counts as X" are read as definition
    /// questions, as "what is X" is (see ``QuestionParser/readsDefinitionPhrasing``).
    public var readsDefinitionPhrasing: Bool = true
    /// Whether "what happens when/if/once …" asks for a consequence, whose cue is a sentence
    /// with a condition or a result ("When the signal stops, …"), the verb "happen" left out
    /// of its words (see ``QuestionParser/readsConsequences``).
    public var readsConsequences: Bool = true
    /// Whether "what causes X" leaves "cause" out of its words, as a "why" question has no
    /// such word (see ``QuestionParser/readsCauseVerbs``).
    public var readsCauseVerbs: Bool = true
    /// Whether a list item that only repeats the question's words ("* Technical direction"
    /// for "who decides the technical direction") is replaced by the sentence that
    /// introduces its list ("The TSC has final authority over this project, including:"),
    /// which says what the item is in (see ``Answerer/echoedItemLeadIn(of:asked:)``).
    public var readsEchoedItems: Bool = true
    /// Whether "how long does X last" leaves the verb "last" out of its words, as it leaves
    /// out "long" (see ``QuestionParser/readsDurationVerbs``).
    public var readsDurationVerbs: Bool = true
    /// Whether "kind", "sort" and "type" leave a definition, comparison or "which" question's
    /// words only before "of" ("what kind of X"), not wherever they stand ("What is a type?",
    /// "the time complexity of Python's sort"); see ``QuestionParser/readsKindNouns``.
    public var readsKindNouns: Bool = true
    /// Whether "what" before a noun phrase ("what kit do I need") asks "which", a list
    /// question (see ``QuestionParser/readsNounPhrases``).
    public var readsNounPhrases: Bool = true
    /// Whether a question word the corpus lacks is read as its adverb or adjective that the
    /// corpus uses, "temporary" as "temporarily" (see ``QueryBuilder/readsAdverbPairs``).
    public var readsAdverbPairs: Bool = true
    /// Whether a comparative or superlative the corpus lacks is read as the other degree that
    /// the corpus uses, "cheaper" as "cheapest" (see ``QueryBuilder/readsDegreePairs``).
    public var readsDegreePairs: Bool = true
    /// Whether a question word also matches the irregular inflections of its base form that
    /// the corpus uses, "feed" matching "fed" and "mouse" "mice"
    /// (see ``QueryBuilder/readsIrregularInflections``).
    public var readsIrregularInflections: Bool = true
    /// Whether a "why" question that denies something ("Why doesn't X help with Y?") takes a
    /// sentence that denies something too ("X won't work on Y …") as a cue, worth
    /// ``cueBonus``: the question asks about a negative claim.
    public var matchesNegation: Bool = true
    /// Whether, for a "how long" question, a sentence that only says something of how long
    /// ("not permanent", "temporarily") gains half the ``cueBonus`` that a span of time
    /// ("3 to 4 months") gains.
    public var gradesDurations: Bool = true
    /// Whether, for "what is X", a sentence that defines X later than its opening words
    /// ("On a stove, kettles are …") gains half the ``cueBonus`` that one opening with X
    /// ("Kettles are …", "A kettle consists of …") gains: a sentence that opens with its
    /// subject is about it.
    public var gradesDefinitions: Bool = true
    /// Whether, for "how do I …", a sentence that opens with an instruction ("Use the
    /// --fast option.") earns the cue bonus, as one saying "by" or "using" does (see
    /// ``Answerer/givesInstruction(_:in:)``).
    public var readsInstructions: Bool = true
    /// Whether, for "why", a sentence whose only reason cue draws a conclusion ("Thus, X",
    /// "Hence X") gains half the ``cueBonus`` and never stands in as the explanation of the
    /// sentence before it: it says what follows from that sentence, not why it holds.
    public var readsConclusions: Bool = true
    /// Whether a question that opens with a phrase before its question word ("In what year
    /// …?", "by how much …") is classified from the question word on
    /// (see ``QuestionParser/readsLeadingPhrases``).
    public var readsLeadingPhrases: Bool = true
    /// Whether "how can I tell if …" asks for signs, a question of no particular kind, rather
    /// than for a method (see ``QuestionParser/readsRecognition``).
    public var readsRecognition: Bool = true
    /// Whether a question that names the attribute it asks for ("what temperature …", "what
    /// is the typical lifespan of X") asks for an amount or a span of time, as "how hot" and
    /// "how long" do (see ``QuestionParser/readsAttributes``).
    public var readsAttributes: Bool = true
    /// Whether "when should/do/can …" takes a sentence stating a condition ("when scale
    /// covers the element") as its cue and answer type, as well as a date or a span of time
    /// (see ``QuestionParser/readsConditions``).
    public var readsConditions: Bool = true
    /// Whether a question word the corpus lacks that WordNet lists only as a rare word is
    /// spelling-corrected as an unknown word is (see ``QueryBuilder/correctsRareWords``).
    public var correctsRareWords: Bool = true
    /// Whether, in "is/are X ADJ?", the words before the closing adjective are read as the
    /// question's subject for ``requiresSubject`` ("Are kettles durable?" is about kettles),
    /// and in "can X be …?" the words before "be", where otherwise no verb would end the
    /// subject and none would be read.
    public var readsPredicateAdjectives: Bool = true
    /// Whether, for "how much", "how long" or "when", a sentence that names the question's
    /// subject only after "than" ("… costs more than X") counts as not naming it for
    /// ``requiresSubject``: the amount it gives is another thing's.
    public var readsComparedSubjects: Bool = true
    /// Whether a definition question whose candidate ends by naming the subject ("… but
    /// pyroclastic flows.") cites the next sentence instead when it opens by describing it
    /// ("These are fast-moving avalanches …"), with ``cueBonus``.
    public var followsDefinitions: Bool = true
    /// Whether a "how often" question takes a sentence stating a frequency ("once a week",
    /// "every two to four weeks") as its cue, rather than any sentence with a number.
    public var matchesFrequency: Bool = true
    /// Whether a "how long", "how many" or "when" question counts its best sentence's
    /// confidence at half when the sentence holds no span of time, number or date (for "how
    /// often", no frequency either, "daily"): such a sentence may be on the topic but cannot
    /// say what was asked
    /// (see ``Answerer/answerTypeFactor(kind:sentence:asksFrequency:asked:measure:asksCondition:countedItems:)``).
    public var requiresAnswerType: Bool = true
    /// Whether, with ``requiresAnswerType``, a "who" question counts its best sentence's
    /// confidence at half when the sentence gives no proper name: it cannot say who
    /// (see ``Answerer/answerTypeFactor(kind:sentence:asksFrequency:asked:measure:asksCondition:countedItems:)``).
    public var requiresName: Bool = true
    /// Whether, with ``requiresAnswerType``, a "how tall", "how far", "how heavy", "how hot"
    /// or "how fast" question counts its best sentence's confidence at half unless the
    /// sentence states a number in that measure's units (``Measure``): a year or a count on
    /// the same topic does not say how tall.
    public var requiresMeasure: Bool = true
    /// Whether, with ``requiresAnswerType``, a "how many X" question counts its best
    /// sentence's confidence at half unless a number in it counts X ("6 to 8 bolts" for "how
    /// many bolts"): "two or more member approvals" is a number on the topic of "How many
    /// members …?" but does not say how many members
    /// (see ``AnswerSpans/counts(_:in:stopWords:stem:isNeverNoun:)``). Needs the lexicon;
    /// not for times or units of time ("how many times", "how many years"), which "twice"
    /// and "a decade" answer.
    public var requiresCountedItems: Bool = true
    /// Whether the best sentence's confidence counts half when it does not name the
    /// question's grammatical subject ("How long do *fillers* last?"), nor does an earlier
    /// sentence of its paragraph, nor does it open on a question word: it may be about
    /// something else that shares the asked-for words (see
    /// ``Answerer/subjectFactor(question:query:answer:measuredOn:)``). Needs the lexicon.
    public var requiresSubject: Bool = true
    /// How deep in the ranking a "how long", "how many" or "when" question looks for a
    /// sentence that holds the span of time, number or date asked for, when the best one
    /// holds none (see ``Answerer/typedCandidateFirst(_:question:query:)``); 0 keeps the best.
    public var typedAnswerDepth: Int = 3
    /// Whether a question that offers a choice ("Which lasts longer, X or Y?") is answered
    /// with a sentence for each option when the best sentence names only one
    /// (see ``Answerer/choiceEvidence(_:options:)``).
    public var answersBothOptions: Bool = true
    /// Whether, for a "why" question, a sentence without a causal connective whose next
    /// sentence in the paragraph has one stands for that sentence: the claim restates the
    /// question, the sentence after it explains ("X burns more than Y. That is because …").
    /// "How" questions are left out: their cue ("by", "using") is too common to show an
    /// explanation.
    public var followsExplanations: Bool = true
    /// Whether a "how long" or "when" candidate without a span of time or a date is replaced
    /// by the sentence after it when that one gives it and shares a question term, as
    /// ``followsExplanations`` does for "why" (see ``Answerer``).
    public var followsElaborations: Bool = true
    /// Whether a "which …" candidate that lists nothing is replaced by the sentence after it
    /// when that one opens by referring back ("These include …") and lists items: the claim
    /// restates the question, the sentence after it names the items (see ``Answerer``).
    public var followsEnumerations: Bool = true
    /// Whether, for "what is X" questions, a sentence that describes X in apposition ("…
    /// X, which …", "X, a …") earns the cue bonus, as "X is …" does.
    public var recognisesApposition: Bool = true
    /// Whether, for "who" questions, a sentence that gives a proper name the question lacks
    /// earns the cue bonus (see ``AnswerCues/namesSomeone(_:in:besides:stem:)``).
    public var recognisesNames: Bool = true
    /// How candidate sentences are scored (see ``SentenceRanker``).
    public var ranking: RankingOptions

    public init(
        topK: Int = 1, minScore: Double = AnswerOptions.defaultMinScore, alternatives: Int = 10,
        cueBonus: Double = 0.2, proximityWeight: Double = 0.1, followsReferences: Bool = true, correctsTypos: Bool = true, synonymSenses: Int = 1,
        correctsToStems: Bool = true, recognisesNaming: Bool = true, dropsUnknownAdverbs: Bool = true,
        namesSidesWhole: Bool = true, recognisesLists: Bool = true,
        matchesAuxiliaries: Bool = true, leadsWithContrast: Bool = true, confidenceSynonymSenses: Int = 3,
        ranking: RankingOptions = RankingOptions()
    ) {
        self.confidenceSynonymSenses = confidenceSynonymSenses
        self.dropsUnknownAdverbs = dropsUnknownAdverbs
        self.namesSidesWhole = namesSidesWhole
        self.recognisesLists = recognisesLists
        self.matchesAuxiliaries = matchesAuxiliaries
        self.leadsWithContrast = leadsWithContrast
        self.recognisesNaming = recognisesNaming
        self.correctsToStems = correctsToStems
        self.proximityWeight = proximityWeight
        self.followsReferences = followsReferences
        self.correctsTypos = correctsTypos
        self.synonymSenses = synonymSenses
        self.topK = topK
        self.minScore = minScore
        self.alternatives = alternatives
        self.cueBonus = cueBonus
        self.ranking = ranking
    }

    /// The default abstention threshold.
    public static let defaultMinScore = 0.58
}
