extension StringProtocol {
    /// The text without leading and trailing white space and newlines.
    ///
    /// Pure Swift on Unicode scalars: Foundation's `trimmingCharacters(in:)` bridges through
    /// NSString on Linux and was the largest cost of importing a file.
    var trimmed: String {
        let scalars = Substring(self).unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        return String(Substring(scalars[start..<end]))
    }
}

/// Splits text into lines on `\n`, keeping empty lines.
func lines(of text: String) -> [String] {
    utf8Lines(text).map(String.init)
}

/// Groups lines into paragraphs separated by blank lines.
func paragraphs(_ lines: some Collection<String>) -> [[String]] {
    var result: [[String]] = []
    var current: [String] = []
    for line in lines {
        if line.trimmed.isEmpty {
            if !current.isEmpty { result.append(current) }
            current = []
        } else {
            current.append(line)
        }
    }
    if !current.isEmpty { result.append(current) }
    return result
}

extension StringProtocol {
    /// The first occurrence of `needle`, compared byte for byte in UTF-8.
    ///
    /// Foundation's `range(of:)` goes through CFString on Linux; this stays in the standard library.
    func firstRange(ofBytes needle: String) -> Range<Index>? {
        let hay = utf8
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        var index = hay.startIndex
        while let start = hay[index...].firstIndex(of: first) {
            var h = start
            var matched = true
            for byte in pattern {
                guard h < hay.endIndex, hay[h] == byte else {
                    matched = false
                    break
                }
                h = hay.index(after: h)
            }
            if matched { return start..<h }
            index = hay.index(after: start)
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `characters`.
    func trimming(_ characters: String) -> String {
        let set = Set(characters)
        let slice = Substring(self)
        guard let first = slice.firstIndex(where: { !set.contains($0) }),
            let last = slice.lastIndex(where: { !set.contains($0) })
        else { return "" }
        return String(slice[first...last])
    }
}

/// Splits text into lines on `\n`, keeping empty lines, without grapheme-breaking the text.
func utf8Lines(_ text: some StringProtocol) -> [Substring] {
    Substring(text).utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
}
