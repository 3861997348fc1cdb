/// What a "how tall", "how heavy", "how hot" or "how fast" question measures, and so the
/// units its answer is stated in: "How tall is the tower?" is answered by "about 100
/// metres", not by the "280 BC" or "a thousand years" of a sentence on the same tower.
///
/// The units are those of English prose in general, metric and imperial alike.
public enum Measure: String, Sendable, Hashable, Codable, CaseIterable {
    case length, mass, temperature, speed

    /// The measure an adjective after "how" asks for ("tall" → length), if it asks for one.
    /// "How long" asks for a span of time more often than a length, and "how big" for any
    /// size, so neither has one.
    public static func asked(by adjective: String) -> Measure? {
        switch adjective {
        case "tall", "high", "deep", "wide", "thick", "far": return .length
        case "heavy": return .mass
        case "hot", "cold", "warm": return .temperature
        case "fast": return .speed
        default: return nil
        }
    }

    static let lengthUnits: Set<String> = [
        "mm", "cm", "m", "km", "metre", "metres", "meter", "meters", "millimetre", "millimetres",
        "millimeter", "millimeters", "centimetre", "centimetres", "centimeter", "centimeters",
        "kilometre", "kilometres", "kilometer", "kilometers", "inch", "inches", "foot", "feet", "ft",
        "yard", "yards", "yd", "yds", "mile", "miles", "storey", "storeys",
    ]

    static let massUnits: Set<String> = [
        "mg", "g", "kg", "gram", "grams", "gramme", "grammes", "kilogram", "kilograms", "kilogramme",
        "kilogrammes", "kilo", "kilos", "milligram", "milligrams", "tonne", "tonnes", "ton", "tons",
        "pound", "pounds", "lb", "lbs", "ounce", "ounces", "oz", "stone",
    ]

    /// After a number only: "25 °C" is the words "25" and "c".
    static let temperatureUnits: Set<String> = ["degree", "degrees", "celsius", "fahrenheit", "kelvin", "c", "f"]

    static let speedUnits: Set<String> = ["mph", "kph", "kmh", "knot", "knots"]

    /// Whether `words` (lower-cased, as ``Tokenizer`` gives them) state a number in this
    /// measure's units: "100 metres", "5km", "60 miles an hour", "25 °C".
    public func isStated(in words: [String]) -> Bool {
        span(in: words) != nil
    }

    /// The words of `words` that state a number in this measure's units, with the words
    /// that qualify or continue it ("more than 100 kilometres per hour", "several hundred
    /// degrees Celsius"); nil when none does. A sentence may state several measures, and
    /// "how hot" is answered by its temperature, not by the speed beside it.
    public func span(in words: [String]) -> Range<Int>? {
        for i in words.indices {
            var end: Int
            if AnswerSpans.carriesUnit(words[i]) {
                let unit = String(words[i].unicodeScalars.drop { !$0.properties.isAlphabetic })
                guard isUnit(unit, followedBy: words[(i + 1)...]) else { continue }
                end = i + 1
            } else {
                guard AnswerSpans.isNumber(words[i]), i + 1 < words.count,
                      isUnit(words[i + 1], followedBy: words[(i + 2)...]) else { continue }
                end = i + 2
            }
            // The rest of a compound unit: "per hour", "an hour", "degrees Celsius".
            if self == .speed, end + 1 < words.count, ["per", "an", "a", "each", "every"].contains(words[end]),
               AnswerSpans.timeUnits.contains(words[end + 1]) {
                end += 2
            } else if self == .temperature, end < words.count, ["celsius", "fahrenheit", "kelvin"].contains(words[end]) {
                end += 1
            }
            // A number of several words: "several hundred", "two to three".
            var start = i
            while start > 0, AnswerSpans.isNumber(words[start - 1])
                || start >= 2 && ["to", "or"].contains(words[start - 1]) && AnswerSpans.isNumber(words[start - 2]) {
                start -= 1
            }
            return AnswerSpans.qualifiedStart(start, in: words)..<end
        }
        return nil
    }

    /// Whether `unit`, with the words after it, is a unit of this measure; a speed is also
    /// a length per time ("miles an hour", "km/h", "metres per second").
    func isUnit(_ unit: String, followedBy rest: ArraySlice<String>) -> Bool {
        switch self {
        case .length: return Self.lengthUnits.contains(unit)
        case .mass: return Self.massUnits.contains(unit)
        case .temperature: return Self.temperatureUnits.contains(unit)
        case .speed:
            if Self.speedUnits.contains(unit) { return true }
            guard Self.lengthUnits.contains(unit), let next = rest.first else { return false }
            if ["h", "hr", "s", "sec"].contains(next) { return true }
            let after = rest.dropFirst().first
            return ["per", "an", "a", "each", "every"].contains(next) && after.map(AnswerSpans.timeUnits.contains) == true
                || next == "per" && ["hour", "second", "minute"].contains(after ?? "")
        }
    }
}
