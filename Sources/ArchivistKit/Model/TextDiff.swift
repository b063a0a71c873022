/// A line diff between the texts of two versions.
public struct TextDiff: Sendable, Codable, Equatable {
    /// One line of the diff.
    public struct Line: Sendable, Codable, Equatable {
        /// `" "` kept, `"-"` only in the older text, `"+"` only in the newer.
        public var op: String
        /// The line.
        public var text: String
    }

    /// The document compared.
    public var document: String
    /// The older version number.
    public var from: Int
    /// The newer version number.
    public var to: Int
    /// Every line of both texts, in order, marked kept, removed or added.
    public var lines: [Line]
    /// Lines only in the newer text.
    public var added: Int
    /// Lines only in the older text.
    public var removed: Int

    /// Compares `old` with `new` line by line (a longest-common-subsequence diff).
    public init(document: String, from: Int, to: Int, old: String, new: String) {
        self.document = document
        self.from = from
        self.to = to
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let difference = b.difference(from: a)
        var removedOffsets = Set<Int>()
        var insertedOffsets = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removedOffsets.insert(offset)
            case .insert(let offset, _, _): insertedOffsets.insert(offset)
            }
        }
        var lines: [Line] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removedOffsets.contains(i) {
                lines.append(Line(op: "-", text: a[i]))
                i += 1
            } else if j < b.count, insertedOffsets.contains(j) {
                lines.append(Line(op: "+", text: b[j]))
                j += 1
            } else {
                if i < a.count { lines.append(Line(op: " ", text: a[i])) }
                i += 1
                j += 1
            }
        }
        self.lines = lines
        self.added = insertedOffsets.count
        self.removed = removedOffsets.count
    }
}
