import Foundation

/// Plain-language reasons for file and JSON syntax errors met while loading test sets.
enum EvalFileErrors {
    /// Why `url` could not be read: missing, a directory, or the system's reason.
    static func reason(_ error: any Error, reading url: URL) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            return "no such file"
        }
        if isDirectory.boolValue { return "it is a directory, not a test-set file" }
        let nsError = error as NSError
        return nsError.localizedFailureReason ?? nsError.localizedDescription
    }

    /// Where and why `data` is not valid JSON, e.g. `invalid value at line 3, column 12`,
    /// with columns only when `lines` is false (one JSONL line); nil when it parses.
    ///
    /// Foundation's `JSONDecoder` says only "not valid JSON"; `JSONSerialization`
    /// names the byte offset, which is translated into a line and column.
    static func syntaxDetail(_ data: Data, lines: Bool) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "not valid JSON"
            let marker = " around character "
            guard let range = detail.range(of: marker),
                let offset = Int(detail[range.upperBound...].prefix(while: \.isNumber))
            else { return lowercasedFirst(detail.hasSuffix(".") ? String(detail.dropLast()) : detail) }
            let prefix = data.prefix(max(0, offset))
            let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? prefix.startIndex
            let column = String(decoding: prefix[lineStart...], as: UTF8.self).count + 1
            let place = lines ? "line \(line), column \(column)" : "column \(column)"
            return lowercasedFirst(String(detail[..<range.lowerBound])) + " at " + place
        }
    }

    private static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
