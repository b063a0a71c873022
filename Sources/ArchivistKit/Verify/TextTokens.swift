import Foundation

/// A word or sign of a text, with its place in it, as the verifier reads sentences.
struct TextToken: Sendable, Equatable {
    /// The characters as written.
    var text: String
    /// The characters folded for matching: lower case, without diacritics, typographic apostrophes made plain.
    var key: String
    /// Offset of the first character, in Unicode scalars from the start of the text.
    var start: Int
    /// Offset just past the last character.
    var end: Int
    /// Whether the token is written with a capital letter (names are).
    var capitalised: Bool
}

/// Splits text into tokens: runs of letters and digits (joined by an inner `-`, `.`, `,` or `'`
/// when a letter or digit follows, so `Il-12`, `500,000` and `V.M` stay whole), a possessive `'s`
/// on its own, and every other visible sign as a token of its own.
enum TextTokenizer {
    static func tokens(_ text: String, offset: Int = 0) -> [TextToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [TextToken] = []
        var index = 0
        // ASCII first: Unicode property lookups dominated the extraction's profile.
        func isWord(_ s: Unicode.Scalar) -> Bool {
            if s.value < 128 {
                let v = s.value
                return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v >= 48 && v <= 57)
            }
            return s.properties.isAlphabetic || s.properties.numericType != nil
        }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value < 128 ? (s.value >= 48 && s.value <= 57) : s.properties.numericType != nil }
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.value < 128 ? (s == " " || s == "\n" || s == "\t" || s == "\r") : s.properties.isWhitespace }
        func isUpper(_ s: Unicode.Scalar) -> Bool { s.value < 128 ? (s.value >= 65 && s.value <= 90) : s.properties.isUppercase }
        while index < scalars.count {
            let scalar = scalars[index]
            if isSpace(scalar) {
                index += 1
                continue
            }
            var end = index + 1
            if isWord(scalar) {
                while end < scalars.count {
                    if isWord(scalars[end]) {
                        end += 1
                    } else if "-.,'’".unicodeScalars.contains(scalars[end]), end + 1 < scalars.count, isWord(scalars[end + 1]) {
                        // A possessive 's ends the word: "PLA's" is "PLA" and "'s".
                        if "'’".unicodeScalars.contains(scalars[end]), scalars[end + 1] == "s" || scalars[end + 1] == "S",
                            end + 2 >= scalars.count || !isWord(scalars[end + 2])
                        {
                            break
                        }
                        // A comma joins digits only ("500,000"), never words ("Beijing,the").
                        if scalars[end] == ",", !(isDigit(scalars[end - 1]) && isDigit(scalars[end + 1])) {
                            break
                        }
                        end += 2
                    } else {
                        break
                    }
                }
            } else if "'’".unicodeScalars.contains(scalar), index + 1 < scalars.count, scalars[index + 1] == "s" || scalars[index + 1] == "S" {
                end = index + 2
            }
            let word = String(unicodeScalars: scalars[index..<end])
            tokens.append(
                TextToken(
                    text: word, key: fold(word), start: offset + index, end: offset + end,
                    capitalised: isUpper(scalar)))
            index = end
        }
        return tokens
    }

    /// Lower case, diacritics removed, typographic apostrophes and quotes made plain.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).replacingOccurrences(of: "’", with: "'")
    }

    /// The folded tokens of a phrase written in a data file.
    static func keys(_ phrase: String) -> [String] {
        tokens(phrase).map(\.key)
    }
}

/// Finds phrases (word sequences from the data files) in token sequences, longest first.
struct PhraseMatcher<Payload: Sendable>: Sendable {
    private struct Entry: Sendable {
        var keys: [String]
        var prefixLast: Bool
        var payload: Payload
    }
    private var byFirst: [String: [Entry]] = [:]
    private var prefixed: [Entry] = []

    /// Adds a phrase; a final `*` matches any ending of the last word.
    mutating func add(_ phrase: String, _ payload: Payload) {
        var text = phrase.trimmingCharacters(in: .whitespaces)
        let prefixLast = text.hasSuffix("*")
        if prefixLast { text.removeLast() }
        let keys = TextTokenizer.keys(text)
        guard !keys.isEmpty else { return }
        let entry = Entry(keys: keys, prefixLast: prefixLast, payload: payload)
        if prefixLast && keys.count == 1 {
            prefixed.append(entry)
        } else {
            byFirst[keys[0], default: []].append(entry)
            byFirst[keys[0]]!.sort { $0.keys.count > $1.keys.count }
        }
    }

    /// The longest phrase starting at `index`, with the number of tokens it covers.
    func match(_ tokens: [TextToken], at index: Int) -> (payload: Payload, length: Int)? {
        var best: (Payload, Int)?
        if let entries = byFirst[tokens[index].key] {
            for entry in entries where entry.keys.count <= tokens.count - index {
                if (best?.1 ?? 0) >= entry.keys.count { break }
                if Self.matches(entry, tokens, at: index) { best = (entry.payload, entry.keys.count) }
            }
        }
        if best == nil {
            for entry in prefixed where tokens[index].key.hasPrefix(entry.keys[0]) { return (entry.payload, 1) }
        }
        return best
    }

    /// The longest phrase ending just before `index`.
    func match(_ tokens: [TextToken], endingAt index: Int, maxLength: Int = 6) -> (payload: Payload, length: Int)? {
        var length = min(maxLength, index)
        while length >= 1 {
            if let found = match(Array(tokens[(index - length)..<index]), at: 0), found.length == length { return found }
            length -= 1
        }
        return nil
    }

    private static func matches(_ entry: Entry, _ tokens: [TextToken], at index: Int) -> Bool {
        for (offset, key) in entry.keys.enumerated() {
            let token = tokens[index + offset].key
            if offset == entry.keys.count - 1 && entry.prefixLast {
                if !token.hasPrefix(key) { return false }
            } else if token != key {
                return false
            }
        }
        return true
    }

    /// Every phrase in the tokens, left to right, never overlapping (longest first at each place).
    func all(in tokens: [TextToken]) -> [(payload: Payload, range: Range<Int>)] {
        var found: [(Payload, Range<Int>)] = []
        var index = 0
        while index < tokens.count {
            if let hit = match(tokens, at: index) {
                found.append((hit.payload, index..<(index + hit.length)))
                index += hit.length
            } else {
                index += 1
            }
        }
        return found
    }
}
