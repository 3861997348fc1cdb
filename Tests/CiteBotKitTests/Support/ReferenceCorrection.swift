@testable import CiteBotKit

/// The whole-vocabulary scan ``QueryBuilder/correction(for:)`` used before the
/// deletion-neighbourhood index: the reference that index must agree with.
enum ReferenceCorrection {
    static func correction(for surface: String, in vocabulary: Vocabulary) -> (surface: String, id: Int32)? {
        let letters = Array(surface.unicodeScalars)
        guard letters.count >= 4, letters.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        let limit = letters.count >= 8 ? 2 : 1
        var best: (surface: String, id: Int32, distance: Int, count: Int)? = nil
        for (candidate, entry) in vocabulary.surfaces {
            let length = candidate.unicodeScalars.count
            guard abs(length - letters.count) <= limit else { continue }
            let distance = editDistance(letters, Array(candidate.unicodeScalars), limit: limit)
            guard distance <= limit else { continue }
            if let current = best {
                let better = distance < current.distance
                    || (distance == current.distance && entry.count > current.count)
                    || (distance == current.distance && entry.count == current.count && candidate < current.surface)
                if !better { continue }
            }
            best = (candidate, entry.term, distance, entry.count)
        }
        return best.map { ($0.surface, $0.id) }
    }
}
