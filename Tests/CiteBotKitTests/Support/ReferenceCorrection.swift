@testable import CiteBotKit

/// The whole-vocabulary scan ``QueryBuilder/correction(for:)`` used before the
/// deletion-neighbourhood index, extended to stems the corpus never spells out (shown
/// as their most frequent surface form): the reference that index must agree with.
enum ReferenceCorrection {
    static func correction(
        for surface: String, in vocabulary: Vocabulary, includingStems: Bool = true
    ) -> (surface: String, id: Int32)? {
        var candidates = vocabulary.surfaces.map { (key: $0.key, shown: $0.key, term: $0.value.term, count: $0.value.count) }
        if includingStems {
            for id in vocabulary.terms.indices where vocabulary.surfaces[vocabulary.terms[id]] == nil {
                let forms = vocabulary.surfaces.filter { $0.value.term == Int32(id) }
                guard let shown = forms.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }) else { continue }
                candidates.append((vocabulary.terms[id], shown.key, Int32(id), forms.reduce(0) { $0 + $1.value.count }))
            }
        }
        let letters = Array(surface.unicodeScalars)
        guard letters.count >= 4, letters.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        let limit = letters.count >= 8 ? 2 : 1
        var best: (key: String, surface: String, id: Int32, distance: Int, count: Int)? = nil
        for (candidate, shown, term, count) in candidates {
            let length = candidate.unicodeScalars.count
            guard abs(length - letters.count) <= limit else { continue }
            let distance = editDistance(letters, Array(candidate.unicodeScalars), limit: limit)
            guard distance <= limit else { continue }
            if let current = best {
                let better = distance < current.distance
                    || (distance == current.distance && count > current.count)
                    || (distance == current.distance && count == current.count && candidate < current.key)
                if !better { continue }
            }
            best = (candidate, shown, term, distance, count)
        }
        return best.map { ($0.surface, $0.id) }
    }
}
