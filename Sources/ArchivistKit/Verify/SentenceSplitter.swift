/// Splits text into sentences and paragraphs, keeping offsets (in Unicode scalars).
///
/// A blank line ends a paragraph; a line break ends a sentence unless the next line goes on in
/// lower case (a wrapped line); `.`, `!` or `?` end one when a capital, a digit or a quotation mark
/// follows, unless the word before is an abbreviation (`Cde.`, `F.`, `No.`, an initial).
enum SentenceSplitter {
    struct Sentence: Equatable {
        var start: Int
        var end: Int
        var paragraph: Int
    }

    static let abbreviations: Set<String> = [
        "cde", "mr", "mrs", "dr", "gen", "col", "lt", "maj", "capt", "no", "nos", "op", "f", "d", "l", "ll", "vol", "pp", "p",
        "st", "ca", "cf", "vs", "jr", "sr", "mt", "fig", "ed", "eds", "trans", "comp", "ibid", "inv", "gov", "sen", "prof", "ltd",
        "co", "corp", "inc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s",
        "u.s.s.r", "km", "approx",
    ]

    static func sentences(_ text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        var result: [Sentence] = []
        var paragraph = 0
        var start = 0
        func emit(_ end: Int) {
            var s = start
            var e = end
            while s < e, scalars[s].properties.isWhitespace { s += 1 }
            while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
            if e > s { result.append(Sentence(start: s, end: e, paragraph: paragraph)) }
            start = end
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                var next = index + 1
                var blank = false
                while next < scalars.count, scalars[next].properties.isWhitespace {
                    if scalars[next] == "\n" { blank = true }
                    next += 1
                }
                if blank {
                    emit(index)
                    paragraph += 1
                } else if next < scalars.count, !scalars[next].properties.isLowercase {
                    emit(index)
                }
                index = next
                continue
            }
            if scalar == "." || scalar == "!" || scalar == "?" {
                var after = index + 1
                while after < scalars.count, "\"'”’)]".unicodeScalars.contains(scalars[after]) { after += 1 }
                if after < scalars.count, scalars[after] == " " || scalars[after] == "\t" {
                    var next = after
                    while next < scalars.count, scalars[next] == " " || scalars[next] == "\t" { next += 1 }
                    let following = next < scalars.count ? scalars[next] : "\n"
                    let startsSentence =
                        following.properties.isUppercase || following.properties.numericType != nil
                        || "\"“‘'(".unicodeScalars.contains(following)
                    if startsSentence && !(scalar == "." && isAbbreviation(scalars, before: index)) {
                        emit(after)
                        index = next
                        continue
                    }
                }
            }
            index += 1
        }
        emit(scalars.count)
        return result
    }

    private static func isAbbreviation(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        var start = index
        while start > 0, scalars[start - 1].properties.isAlphabetic || scalars[start - 1] == "." { start -= 1 }
        let word = String(unicodeScalars: scalars[start..<index]).lowercased()
        if word.isEmpty { return false }
        if word.count == 1 { return scalars[start].properties.isUppercase || abbreviations.contains(word) }
        // Initials ("V.M. Molotov").
        if word.contains("."), word.split(separator: ".").allSatisfy({ $0.count == 1 }) { return true }
        return abbreviations.contains(word)
    }
}
