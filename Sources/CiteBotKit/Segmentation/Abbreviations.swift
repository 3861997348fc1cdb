/// English abbreviations that end in a full stop without ending a sentence.
///
/// Stored lower-cased, without the final full stop, with inner full stops kept.
enum Abbreviations {
    /// Titles and Latin forms that are always followed by more of the same sentence.
    static let neverFinal: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "capt", "lt",
        "sgt", "rev", "hon", "pres", "gov", "sen", "rep", "messrs", "mme", "mlle",
        "e.g", "i.e", "cf", "vs", "viz", "approx", "ca", "fig", "figs", "eq", "eqs", "no", "nos",
        "vol", "vols", "pp", "ch", "sec", "art", "dept", "est", "ed", "eds", "op", "al",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Forms that often end a sentence too: they end one when a capital follows.
    static let possiblyFinal: Set<String> = [
        "etc", "inc", "ltd", "co", "corp", "bros", "llc", "plc",
        "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "ph.d", "b.a", "m.a", "b.sc", "m.sc", "d.c",
    ]
}
