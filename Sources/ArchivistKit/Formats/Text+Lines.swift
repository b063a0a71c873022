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
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
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
