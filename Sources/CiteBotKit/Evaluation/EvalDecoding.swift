/// Turns `DecodingError`s from test-set files into messages that name the field.
enum EvalDecoding {
    /// Where `error` happened and what is wrong there, e.g. (`[evidence, 1]`, `must be a string`).
    ///
    /// - Parameter expectations: what each key must hold, by key name, where the
    ///   words read better than the Swift type.
    static func problem(
        _ error: DecodingError, expectations: [String: String] = [:]
    ) -> (path: [any CodingKey], problem: String) {
        switch error {
        case .typeMismatch(let type, let context):
            return (context.codingPath, "must be \(expected(type, context.codingPath, expectations))")
        case .valueNotFound(let type, let context):
            return (context.codingPath, "must be \(expected(type, context.codingPath, expectations)), not null")
        case .keyNotFound(let key, let context):
            return (context.codingPath, "missing \"\(key.stringValue)\"")
        case .dataCorrupted(let context):
            return (context.codingPath, context.debugDescription)
        @unknown default:
            return ([], String(describing: error))
        }
    }

    /// A readable path: `"evidence"[1]`, or `data[0].paragraphs[2].context` when `dotted`.
    static func field(_ path: [any CodingKey], dotted: Bool = false) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else if dotted {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            } else {
                text += "\"\(key.stringValue)\""
            }
        }
        return text
    }

    private static func expected(
        _ type: Any.Type, _ path: [any CodingKey], _ expectations: [String: String]
    ) -> String {
        if let key = path.last, key.intValue == nil, let named = expectations[key.stringValue] { return named }
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        default: return "an array or object as the format describes"
        }
    }
}
