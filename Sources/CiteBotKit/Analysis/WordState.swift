/// The word being collected: where it started and how many folded bytes it has.
struct WordState {
    var start = 0
    var length = 0
    var ascii = true
}
