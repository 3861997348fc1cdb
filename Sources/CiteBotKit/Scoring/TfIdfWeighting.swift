import Foundation

/// The TF-IDF weighting shared by documents and questions.
///
/// For a term t in a unit u (a sentence or a passage) of a collection of N units:
///
///     tf(t, u)  = 1 + ln(c)              sublinear; c = occurrences of t in u (c ≥ 1)
///     idf(t)    = ln((1 + N) / (1 + df)) + 1   smoothed; df = units containing t
///     w(t, u)   = tf(t, u) · idf(t)
///
/// and each unit's vector is divided by its L2 norm, so the dot product of two
/// vectors is their cosine. A term that no unit contains gets idf = ln(1 + N) + 1,
/// the largest value: an unknown word is the most specific thing a question can say.
public enum TfIdfWeighting {
    /// Sublinear term frequency, 1 + ln(count); 0 for count 0.
    @inlinable
    public static func tf(_ count: Int) -> Double {
        count > 0 ? 1 + log(Double(count)) : 0
    }

    /// Smoothed inverse document frequency of a term found in `documentFrequency` of `unitCount` units.
    @inlinable
    public static func idf(documentFrequency: Int, unitCount: Int) -> Double {
        log(Double(1 + unitCount) / Double(1 + documentFrequency)) + 1
    }
}
