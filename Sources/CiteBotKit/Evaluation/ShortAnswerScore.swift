/// Exact match and token F1 of a short answer against gold answers, as the
/// official SQuAD v1.1/v2.0 evaluation script computes them.
///
/// Both texts are normalised by ``normalize(_:)``; the score of a prediction is
/// the maximum over the gold answers.
public enum ShortAnswerScore {
    /// ASCII punctuation, as Python's `string.punctuation` that the SQuAD script strips.
    private static let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    /// SQuAD answer normalisation: lower-case, delete ASCII punctuation, drop the
    /// articles *a*, *an*, *the*, and split on whitespace.
    ///
    /// Returns the tokens; joined by single spaces they are the normalised string.
    /// Articles are dropped as whole whitespace-separated tokens, which equals the
    /// script's `\b(a|an|the)\b` on text whose punctuation is already gone.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public static func normalize(_ text: String) -> [String] {
        var kept = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars where !punctuation.contains(scalar) {
            kept.append(scalar)
        }
        return String(kept)
            .split(whereSeparator: \.isWhitespace)
            .map(String.init)
            .filter { $0 != "a" && $0 != "an" && $0 != "the" }
    }

    /// 1 when the normalised prediction equals a normalised gold answer, else 0;
    /// nil when `gold` is empty.
    public static func exactMatch(_ prediction: String, gold: [String]) -> Double? {
        guard !gold.isEmpty else { return nil }
        let predicted = normalize(prediction)
        return gold.contains { normalize($0) == predicted } ? 1 : 0
    }

    /// The best token F1 of `prediction` over `gold`; nil when `gold` is empty.
    ///
    /// For prediction tokens *P* and gold tokens *G* (multisets), with
    /// *c* = |*P* ∩ *G*| the shared tokens counted with multiplicity:
    /// precision *p* = *c* / |*P*|, recall *r* = *c* / |*G*|,
    /// F1 = 2*pr* / (*p* + *r*), and F1 = 0 when *c* = 0. When either side
    /// normalises to no tokens, F1 = 1 if both do, else 0 (as in the v2.0 script).
    public static func f1(_ prediction: String, gold: [String]) -> Double? {
        guard !gold.isEmpty else { return nil }
        let predicted = normalize(prediction)
        return gold.map { tokenF1(predicted, normalize($0)) }.max()
    }

    private static func tokenF1(_ predicted: [String], _ gold: [String]) -> Double {
        if predicted.isEmpty || gold.isEmpty { return predicted.isEmpty && gold.isEmpty ? 1 : 0 }
        var goldCounts: [String: Int] = [:]
        for token in gold { goldCounts[token, default: 0] += 1 }
        var common = 0
        for token in predicted {
            if let count = goldCounts[token], count > 0 {
                goldCounts[token] = count - 1
                common += 1
            }
        }
        guard common > 0 else { return 0 }
        let precision = Double(common) / Double(predicted.count)
        let recall = Double(common) / Double(gold.count)
        return 2 * precision * recall / (precision + recall)
    }
}
