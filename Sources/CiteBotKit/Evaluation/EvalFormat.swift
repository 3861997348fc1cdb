import Foundation

/// Text formatting shared by the evaluation reports and plot.
enum EvalFormat {
    /// `value` with `digits` decimals, locale-independent, never `-0.00`; `n/a` for nil.
    static func fixed(_ value: Double?, _ digits: Int = 2) -> String {
        guard let value else { return "n/a" }
        guard value.isFinite else { return value.isNaN ? "nan" : value > 0 ? "inf" : "-inf" }
        let text = String(format: "%.\(digits)f", value)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }

    /// `value` with at most four decimals and no trailing zeros (`0.85`, `0.8333`, `1`).
    static func trimmed(_ value: Double) -> String {
        var text = fixed(value, 4)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `text` in double quotes, with quotes, backslashes and control characters
    /// escaped (`\n`, `\t`, `\r`, else `\u{…}`), so one record stays on one line and
    /// cannot drive the terminal. Bidirectional overrides and line/paragraph
    /// separators are escaped too.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                if needsEscape(scalar) {
                    output += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` escaped for XML character data and attribute values; characters that
    /// XML 1.0 forbids (C0 controls other than tab, newline, return; U+FFFE, U+FFFF)
    /// become U+FFFD.
    static func xmlEscaped(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default:
                let value = scalar.value
                let allowed = value == 0x09 || value == 0x0A || value == 0x0D
                    || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF)
                output.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return output
    }
}
