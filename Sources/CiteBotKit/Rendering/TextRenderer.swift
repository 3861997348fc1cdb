/// Renders answers for people: the answer, then one line per citation with where it is.
///
/// ```
/// About three minutes. [1]
///   [1] guides/kettles.txt ¶3.1: "An electric kettle boils water in about three minutes."
/// ```
/// `¶3.1` is paragraph 3, sentence 1. Control characters from questions or from the
/// corpus are shown escaped (`\u{1B}`), so no input can drive the terminal.
public struct TextRenderer: Sendable {
    /// Whether to colour with ANSI escapes (only ever on a terminal, never with NO_COLOR).
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    /// The answer and its citation lines, newline-terminated.
    public func render(_ answer: Answer) -> String {
        var out = ""
        if answer.abstained {
            out += paint(Self.escaped(answer.text), "2") + "\n"
            return out
        }
        out += Self.escaped(Self.shortened(Self.joiningLines(answer.text))) + "\n"
        // The block a quoted sentence introduces keeps its lines: it is code, not wrapped prose.
        if answer.shortAnswer == nil, let block = answer.citations.first?.continuation {
            out += Self.indentedBlock(block)
        }
        out += renderCitations(answer.citations, numberedFrom: 1)
        return out
    }

    /// `block`'s lines, each indented four spaces and escaped (blank lines left empty),
    /// without its code fences ("```"), cut like any quote.
    static func indentedBlock(_ block: String) -> String {
        let lines = Self.shortened(block).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .filter { line in !["```", "~~~"].contains { line.drop(while: \.isWhitespace).hasPrefix($0) } }
        return lines.map { $0.allSatisfy(\.isWhitespace) ? "\n" : "    " + escaped(String($0)) + "\n" }.joined()
    }

    /// One line per citation, numbered from `first`.
    public func renderCitations(_ citations: [Citation], numberedFrom first: Int) -> String {
        var out = ""
        for (offset, citation) in citations.enumerated() {
            let location = "\(Self.escaped(citation.source)) ¶\(citation.paragraph).\(citation.sentence)"
            out += "  " + paint("[\(first + offset)]", "1") + " " + paint(location, "36")
                + ": \"" + Self.escaped(Self.shortened(Self.joiningLines(citation.text))) + "\"\n"
        }
        return out
    }

    /// `text` in the SGR style `code` when colouring, else unchanged.
    public func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The most characters of one answer or quote shown on a terminal; a longer one (a
    /// "sentence" that is a whole unpunctuated file) ends in " […]". JSON output is never cut.
    public static let maximumShownCharacters = 1_000

    /// `text`, cut to ``maximumShownCharacters`` with a visible mark when longer.
    public static func shortened(_ text: String) -> String {
        guard text.count > maximumShownCharacters else { return text }
        return String(text.prefix(maximumShownCharacters)) + " […]"
    }

    /// `text` with each line break, and the indentation around it, shown as one space:
    /// a sentence wrapped across lines of its file reads as one line. (JSON keeps the
    /// text exactly as in the file.)
    public static func joiningLines(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) else { return text }
        var out = ""
        var pendingSpace = false
        var sawBreak = false
        for character in text {
            if character == " " || character == "\t" || character.isNewline {
                pendingSpace = true
                sawBreak = sawBreak || character.isNewline
                if !sawBreak { out.append(character) }  // keep ordinary spacing as typed
                continue
            }
            if pendingSpace && sawBreak {
                while out.last == " " || out.last == "\t" { out.removeLast() }
                out.append(" ")
            }
            pendingSpace = false
            sawBreak = false
            out.append(character)
        }
        return out
    }

    /// `text` with C0/C1 control characters and DEL written as `\u{XX}` escapes.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
