/// Decides whether a cited sentence is the evidence a test question expects.
///
/// JSONL test sets quote their evidence as text, and the engine's sentence
/// splitter need not cut sentences where the test author did. So both sides are
/// normalised (``normalize(_:)``) and a citation matches when **either contains
/// the other**: the cited sentence contains the evidence (the evidence is a
/// fragment, or the splitter merged two sentences), or the evidence contains the
/// cited sentence (the evidence spans two sentences, or the splitter cut one).
/// An empty string on either side never matches.
public enum EvidenceMatcher {
    /// Folds text so that typographic variants compare equal.
    ///
    /// Lower-cases; folds curly and prime single quotes (‘ ’ ‛ ′) to `'` and
    /// double quotes (“ ” ‟ ″) to `"`; folds hyphen and dash variants (‐ ‑ ‒ – — ―
    /// and the minus sign −) to `-`; collapses every run of whitespace (including
    /// no-break spaces and line breaks) to one space; trims both ends.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public static func normalize(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.append(" ")
                pendingSpace = false
            }
            output.append(folded(scalar))
        }
        return String(output)
    }

    /// Whether a cited sentence and an evidence string contain one another after
    /// ``normalize(_:)``.
    public static func matches(sentence: String, evidence: String) -> Bool {
        contain(normalize(sentence), normalize(evidence))
    }

    /// Whether either normalised string contains the other; false when either is empty.
    static func contain(_ sentence: String, _ evidence: String) -> Bool {
        guard !sentence.isEmpty, !evidence.isEmpty else { return false }
        return sentence.contains(evidence) || evidence.contains(sentence)
    }

    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201B, 0x2032: "'"
        case 0x201C, 0x201D, 0x201F, 0x2033: "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: "-"
        default: scalar
        }
    }

    /// One question's gold, normalised once so a whole ranking can be checked cheaply.
    public struct Prepared: Sendable {
        private enum Rule: Sendable {
            case none
            case location(GoldLocation, [Unicode.Scalar])
            case evidence([String])
            case answers([String])
        }

        private let rule: Rule

        /// Prepares `question`'s gold: the SQuAD location if any, else its
        /// evidence, else its answers (contained in the cited sentence).
        public init(_ question: EvalQuestion) {
            if question.unanswerable {
                rule = .none
            } else if let gold = question.gold {
                rule = .location(gold, Array(gold.context.unicodeScalars))
            } else {
                let evidence = question.evidence.map(EvidenceMatcher.normalize).filter { !$0.isEmpty }
                let answers = question.answers.map(EvidenceMatcher.normalize).filter { !$0.isEmpty }
                rule = !evidence.isEmpty ? .evidence(evidence) : !answers.isEmpty ? .answers(answers) : .none
            }
        }

        /// Whether `citation` is a correct citation for the prepared question.
        public func matches(_ citation: Citation) -> Bool {
            switch rule {
            case .none:
                return false
            case .location(let gold, let scalars):
                return gold.isCovered(by: citation, contextScalars: scalars)
            case .evidence(let evidence):
                let sentence = EvidenceMatcher.normalize(citation.text)
                return evidence.contains { EvidenceMatcher.contain(sentence, $0) }
            case .answers(let answers):
                let sentence = EvidenceMatcher.normalize(citation.text)
                return !sentence.isEmpty && answers.contains { sentence.contains($0) }
            }
        }

        /// The 1-based position of the first matching citation in `ranking`, or nil.
        ///
        /// - Complexity: O(*r*) matches for a ranking of *r* citations.
        public func firstMatchRank(in ranking: [Citation]) -> Int? {
            ranking.firstIndex(where: matches).map { $0 + 1 }
        }
    }
}
