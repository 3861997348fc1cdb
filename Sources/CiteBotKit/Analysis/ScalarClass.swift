/// What the tokenizer needs to know about one scalar.
struct ScalarClass {
    var isWord = false
    var isAlphabetic = false
    var isDecimal = false
    var isCombiningMark = false

    static let none = ScalarClass()

    @inline(__always)
    init() {}

    @inline(__always)
    init(ascii kind: UInt8) {
        isWord = kind & Tokenizer.wordBit != 0
        isAlphabetic = kind & Tokenizer.letterBit != 0
        isDecimal = kind & Tokenizer.digitBit != 0
    }

    init(_ scalar: Unicode.Scalar) {
        self.init()
        if scalar.value < 0x80 {
            self.init(ascii: Tokenizer.asciiClass[Int(scalar.value)])
            return
        }
        let properties = scalar.properties
        isAlphabetic = properties.isAlphabetic
        isDecimal = properties.numericType == .decimal
        isWord = isAlphabetic || isDecimal
        if scalar.value >= 0x300 {
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: isCombiningMark = true
            default: break
            }
        }
    }
}
