/// Common English function words that carry no topic of their own.
///
/// They are dropped from both questions and documents before weighting: their
/// IDF would be near zero anyway, and leaving them out keeps postings short.
/// Matching is on the lower-cased, apostrophe-folded surface form.
public enum StopWords {
    /// The English list.
    public static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "almost", "also", "am", "among",
        "an", "and", "any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being",
        "below", "between", "both", "but", "by", "can", "can't", "cannot", "could", "couldn't",
        "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during", "each",
        "either", "else", "etc", "even", "ever", "every", "few", "for", "from", "further", "get",
        "gets", "got", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd",
        "he'll", "he's", "her", "here", "here's", "hers", "herself", "him", "himself", "his", "how",
        "how's", "however", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't",
        "it", "it's", "its", "itself", "just", "let's", "may", "me", "might", "more", "most",
        "must", "mustn't", "my", "myself", "neither", "no", "nor", "not", "now", "of", "off",
        "often", "on", "once", "one's", "only", "or", "other", "others", "otherwise", "ought",
        "our", "ours", "ourselves", "out", "over", "own", "per", "quite", "rather", "really",
        "same", "shall", "shan't", "she", "she'd", "she'll", "she's", "should", "shouldn't", "so",
        "some", "such", "than", "that", "that's", "the", "their", "theirs", "them", "themselves",
        "then", "there", "there's", "these", "they", "they'd", "they'll", "they're", "they've",
        "this", "those", "though", "through", "thus", "to", "too", "under", "until", "up", "upon",
        "us", "very", "via", "was", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were",
        "weren't", "what", "what's", "whatever", "when", "when's", "where", "where's", "whereas",
        "whether", "which", "while", "who", "who's", "whom", "whose", "why", "why's", "will",
        "with", "within", "without", "won't", "would", "wouldn't", "yet", "you", "you'd",
        "you'll", "you're", "you've", "your", "yours", "yourself", "yourselves",
        // Contractions as typed without the apostrophe.
        "arent", "cant", "couldnt", "didnt", "doesnt", "dont", "hasnt", "havent", "hows", "im",
        "isnt", "ive", "shouldnt", "thats", "theres", "theyre", "wasnt", "werent", "whats",
        "whos", "wont", "wouldnt", "youre",
    ]
}
