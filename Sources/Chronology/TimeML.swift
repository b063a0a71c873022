/// Reading and writing TimeML documents (strings in, strings out; no I/O).
public enum TimeML {
    /// The parts of a TimeML document the tagger needs.
    public struct Document: Sendable, Equatable {
        /// The document creation time (DCT), when the document gives a day.
        public var creationDate: CalendarDay?
        /// The text of `<TEXT>`, tags removed and entities decoded.
        public var text: String
    }

    /// Reads a TimeML document: its DCT value and its TEXT without the inline tags.
    public static func read(_ xml: String) -> Document {
        var creation: CalendarDay?
        if let dct = section(xml, "DCT"), let range = dct.firstRange(of: "value=\"") {
            creation = CalendarDay(iso: dct[range.upperBound...].prefix(10))
        }
        let body = section(xml, "TEXT") ?? ""
        return Document(creationDate: creation, text: decode(stripTags(body)))
    }

    /// The same document with `<TEXT>` replaced by the text with inline `<TIMEX3>` tags for `expressions`.
    public static func write(_ xml: String, text: String, expressions: [TemporalExpression]) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var position = 0
        for (index, expression) in expressions.enumerated() where expression.start >= position {
            out += encode(scalars[position..<expression.start])
            var attributes = "tid=\"t\(index + 1)\" type=\"\(expression.type.rawValue)\" value=\"\(expression.value)\""
            if let mod = expression.mod { attributes += " mod=\"\(mod)\"" }
            out += "<TIMEX3 \(attributes)>" + encode(scalars[expression.start..<expression.end]) + "</TIMEX3>"
            position = expression.end
        }
        out += encode(scalars[position...])
        guard let open = xml.firstRange(of: "<TEXT>"), let close = xml[open.upperBound...].firstRange(of: "</TEXT>") else {
            return "<TimeML>\n<TEXT>" + out + "</TEXT>\n</TimeML>\n"
        }
        return String(xml[..<open.upperBound]) + out + String(xml[close.lowerBound...])
    }

    static func section(_ xml: String, _ name: String) -> Substring? {
        guard let open = xml.firstRange(of: "<\(name)>"), let close = xml[open.upperBound...].firstRange(of: "</\(name)>") else { return nil }
        return xml[open.upperBound..<close.lowerBound]
    }

    static func stripTags(_ text: Substring) -> String {
        var out = String.UnicodeScalarView()
        var inTag = false
        for scalar in text.unicodeScalars {
            if scalar == "<" {
                inTag = true
            } else if scalar == ">" && inTag {
                inTag = false
            } else if !inTag {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            result = result.replacingAll(entity, with: character)
        }
        return result
    }

    static func encode(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation in this module).
    func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
