import Foundation

extension StringProtocol {
    /// The text without leading and trailing white space and newlines.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
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
