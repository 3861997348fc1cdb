/// Splits the arguments of a typed REPL command into words, with the quoting a shell
/// user expects, so that `:corpus "My Notes" ~/other` names two paths.
///
/// Whitespace separates words. Inside single quotes every character stands for itself;
/// inside double quotes a backslash escapes only `"` and `\`; outside quotes a backslash
/// escapes the next character. Quoted and unquoted parts join into one word (`a"b c"` is
/// `ab c`), and `""` is an empty word. Nothing is expanded here: no variables, no globs;
/// a caller that reads `~` as the home directory asks ``Word/opensWithBareTilde``, since a
/// quoted or escaped `~` is a file name, as in a shell.
public enum CommandWords {
    /// One word of a command line.
    public struct Word: Equatable, Sendable {
        /// The word with its quotes and escapes removed.
        public var text: String
        /// Whether the word opens with a `~` typed outside quotes and unescaped, which a
        /// shell would read as the home directory (`~/notes`, but not `"~/notes"` or `\~`).
        public var opensWithBareTilde: Bool

        public init(_ text: String, opensWithBareTilde: Bool = false) {
            self.text = text
            self.opensWithBareTilde = opensWithBareTilde
        }
    }

    /// Why a line could not be split.
    public enum SplitError: Error, Equatable, CustomStringConvertible {
        /// A quote was opened and never closed.
        case unterminatedQuote(Character)
        /// The line ends with a backslash that escapes nothing.
        case trailingBackslash

        public var description: String {
            switch self {
            case .unterminatedQuote(let quote): "a \(quote) quote is not closed; end the path with \(quote)"
            case .trailingBackslash: "the line ends with a backslash; write \\\\ for a backslash"
            }
        }
    }

    /// The words of `line`, as text.
    ///
    /// - Complexity: O(*n*) in the length of `line`.
    public static func split(_ line: String) throws(SplitError) -> [String] {
        try words(line).map(\.text)
    }

    /// The words of `line`, each with whether it opens with an unquoted `~`.
    ///
    /// - Complexity: O(*n*) in the length of `line`.
    public static func words(_ line: String) throws(SplitError) -> [Word] {
        var words: [Word] = []
        var word = ""
        var bareTilde = false
        // A word exists once any of its characters or quotes has been read, so `""` counts.
        var inWord = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch character {
            case "'":
                inWord = true
                while true {
                    guard let next = characters.next() else { throw .unterminatedQuote("'") }
                    if next == "'" { break }
                    word.append(next)
                }
            case "\"":
                inWord = true
                while true {
                    guard let next = characters.next() else { throw .unterminatedQuote("\"") }
                    if next == "\"" { break }
                    if next == "\\" {
                        guard let escaped = characters.next() else { throw .unterminatedQuote("\"") }
                        if escaped != "\"" && escaped != "\\" { word.append(next) }
                        word.append(escaped)
                    } else {
                        word.append(next)
                    }
                }
            case "\\":
                guard let escaped = characters.next() else { throw .trailingBackslash }
                inWord = true
                word.append(escaped)
            case _ where character.isWhitespace:
                if inWord { words.append(Word(word, opensWithBareTilde: bareTilde)) }
                word = ""
                inWord = false
                bareTilde = false
            default:
                if !inWord, character == "~" { bareTilde = true }
                inWord = true
                word.append(character)
            }
        }
        if inWord { words.append(Word(word, opensWithBareTilde: bareTilde)) }
        return words
    }
}
