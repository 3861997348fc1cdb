import LineEditing
import Testing

@Suite("CommandWords")
struct CommandWordsTests {
    @Test(arguments: [
        ("", []),
        ("   ", []),
        ("one two\tthree", ["one", "two", "three"]),
        ("  padded  ", ["padded"]),
        ("\"My Notes\" other", ["My Notes", "other"]),
        ("'My Notes'/a.txt", ["My Notes/a.txt"]),
        ("My\\ Notes", ["My Notes"]),
        ("a\"b c\"d", ["ab cd"]),
        ("\"\" x", ["", "x"]),
        ("'it\\s'", ["it\\s"]),  // single quotes keep backslashes
        ("\"say \\\"hi\\\" \\\\ \\n\"", ["say \"hi\" \\ \\n"]),  // only \" and \\ escape in double quotes
        ("'don'\\''t'", ["don't"]),
        ("~/notes \"~/x\"", ["~/notes", "~/x"]),
    ] as [(String, [String])])
    func splitsLikeAShellQuotes(_ line: String, _ expected: [String]) throws {
        #expect(try CommandWords.split(line) == expected, "\(line)")
    }

    /// A shell reads a bare leading `~` as the home directory and a quoted or escaped one,
    /// or one inside a word, as a character of a name.
    @Test(arguments: [
        ("~/notes", true),
        ("~", true),
        ("\"~/notes\"", false),
        ("'~'/notes", false),
        ("\\~/notes", false),
        ("a~b", false),
        ("\"\"~/x", false),
    ])
    func marksOnlyABareLeadingTilde(_ line: String, _ bare: Bool) throws {
        let words = try CommandWords.words(line)
        #expect(words.count == 1)
        #expect(words.first?.opensWithBareTilde == bare, "\(line)")
    }

    @Test func eachWordKeepsItsOwnMark() throws {
        #expect(try CommandWords.words("~/a \"~/b\" ~c") == [
            CommandWords.Word("~/a", opensWithBareTilde: true), CommandWords.Word("~/b"),
            CommandWords.Word("~c", opensWithBareTilde: true),
        ])
    }

    @Test(arguments: [
        ("\"My Notes", CommandWords.SplitError.unterminatedQuote("\"")),
        ("'My Notes", .unterminatedQuote("'")),
        ("\"ends in escape\\", .unterminatedQuote("\"")),
        ("path\\", .trailingBackslash),
    ])
    func rejectsUnfinishedQuoting(_ line: String, _ expected: CommandWords.SplitError) {
        #expect(throws: expected) { try CommandWords.split(line) }
    }

    @Test func errorsSayHowToFixTheLine() {
        #expect(CommandWords.SplitError.unterminatedQuote("'").description == "a ' quote is not closed; end the path with '")
        #expect(CommandWords.SplitError.trailingBackslash.description.contains("\\\\"))
    }
}
