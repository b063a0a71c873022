/// Reading BagIt tag files: their declared character encoding, their lines, and `Label: value`
/// metadata (RFC 8493 §2.2.2).
enum BagTagFile {
    /// The character encodings `Tag-File-Character-Encoding` may name that archivist reads.
    enum Encoding: Equatable {
        case utf8, utf16, latin1, windows1252

        /// The encoding a `Tag-File-Character-Encoding` value names, or nil when unknown.
        init?(label: String) {
            switch label.lowercased().replacingOccurrences(of: "_", with: "-") {
            case "utf-8", "utf8", "us-ascii", "ascii": self = .utf8
            case "utf-16", "utf16", "utf-16be", "utf-16le": self = .utf16
            case "iso-8859-1", "iso8859-1", "latin-1", "latin1", "iso-latin-1": self = .latin1
            case "windows-1252", "cp1252": self = .windows1252
            default: return nil
            }
        }
    }

    /// Decodes a tag file; returns nil when its bytes are not valid in `encoding`.
    ///
    /// Text is kept exactly as decoded (no Unicode normalisation): manifest paths must be
    /// compared with the names on disk as they are.
    static func decode(_ bytes: [UInt8], as encoding: Encoding) -> String? {
        switch encoding {
        case .utf8:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            return String(validating: body, as: UTF8.self)
        case .latin1:
            return String(unicodeScalars: bytes.map { Unicode.Scalar($0) })
        case .windows1252:
            return SingleByteCharset.windows1252.decode(bytes)
        case .utf16:
            var body = bytes[...]
            var bigEndian = true
            if body.starts(with: [0xFF, 0xFE]) {
                bigEndian = false
                body = body.dropFirst(2)
            } else if body.starts(with: [0xFE, 0xFF]) {
                body = body.dropFirst(2)
            }
            guard body.count % 2 == 0 else { return nil }
            return String(validating: TextDecoding.utf16Units(body, bigEndian: bigEndian), as: UTF16.self)
        }
    }

    /// Splits text into lines at LF, CR LF or CR, dropping the line ends; a final line end adds no empty line.
    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\n" || character == "\r" || character == "\r\n" {
                lines.append(text[start..<index])
                index = text.index(after: index)
                start = index
            } else {
                index = text.index(after: index)
            }
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }

    /// One `Label: value` element, with the line it starts on.
    struct Element: Equatable {
        var label: String
        var value: String
        var line: Int
        /// Whether whitespace stood between the label and the colon (tolerated in bag-info.txt, not in bagit.txt).
        var spaceBeforeColon: Bool
    }

    /// Parses metadata elements; a line starting with a space or tab continues the previous value.
    /// Lines that are neither give their line numbers in `malformed`.
    static func elements(_ text: String) -> (elements: [Element], malformed: [Int]) {
        var elements: [Element] = []
        var malformed: [Int] = []
        for (offset, line) in lines(text).enumerated() {
            let number = offset + 1
            if line.isEmpty { continue }
            if line.first == " " || line.first == "\t" {
                if elements.isEmpty {
                    malformed.append(number)
                } else {
                    elements[elements.count - 1].value += " " + line.trimming(" \t")
                }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                malformed.append(number)
                continue
            }
            let rawLabel = line[..<colon]
            let label = rawLabel.trimming(" \t")
            if label.isEmpty {
                malformed.append(number)
                continue
            }
            let value = line[line.index(after: colon)...].trimming(" \t")
            elements.append(Element(label: label, value: value, line: number, spaceBeforeColon: rawLabel.count != label.count))
        }
        return (elements, malformed)
    }
}
