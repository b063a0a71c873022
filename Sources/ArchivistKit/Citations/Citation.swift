import Chronology
import Foundation

/// A citation as an archive gives it (Wilson Center style), parsed into its parts; the raw string is kept.
public struct Citation: Sendable, Codable, Equatable {
    /// Who did what for the document, as credited.
    public struct Credit: Sendable, Codable, Equatable {
        /// `translated` or `obtained`.
        public var role: String
        /// The people or institutions credited.
        public var names: [String]
        /// For whom ("CWIHP"), when said.
        public var forWhom: String?
    }

    /// A defect kept as found, never repaired.
    public struct Defect: Sendable, Codable, Equatable {
        /// Stable code: `date-month-missing`, `date-zero-padded-day`, `comma-outside-quotes`,
        /// `url-missing`, `title-missing`, `date-unreadable`. (Straight and curly quotes are both read.)
        public var code: String
        /// What was found.
        public var message: String
    }

    /// The citation as written.
    public var raw: String
    /// The title, verbatim (`[sic]` and misspellings kept).
    public var title: String?
    /// The display date as written.
    public var dateText: String?
    /// The display date as a date value.
    public var date: DateValue?
    /// The publishing programme ("History and Public Policy Program Digital Archive", ...).
    public var programme: String?
    /// The archival references, in order.
    public var references: [ArchivalReference]
    /// "Reprinted in ..." as written.
    public var reprint: String?
    /// Credits (translation, obtaining).
    public var credits: [Credit]
    /// The URL.
    public var url: String?
    /// The record id from the URL.
    public var recordID: String?
    /// Defects found.
    public var defects: [Defect]

    /// The translators credited, in order.
    public var translators: [String] { credits.filter { $0.role == "translated" }.flatMap(\.names) }
}

/// Parses citations and credit lines.
public enum CitationParser {
    /// The programmes citations name.
    static let programmes = [
        "History and Public Policy Program Digital Archive", "Cold War International History Project", "Wilson Center Digital Archive",
    ]

    /// Parses one citation.
    public static func parse(_ raw: String, archives: [String: String] = ArchivalReferenceParser.shippedArchives) -> Citation {
        var citation = Citation(raw: raw, references: [], credits: [], defects: [])
        var rest = Substring(raw.trimming(" \n\t"))
        // Title: between quotes; the comma belongs inside the closing quote.
        if let open = rest.first, open == "\"" || open == "“" {
            let closeMark: Character = open == "\"" ? "\"" : "”"
            let body = rest.dropFirst()
            if let close = body.firstIndex(of: closeMark) {
                var title = String(body[..<close])
                rest = body[body.index(after: close)...]
                if title.hasSuffix(",") {
                    title.removeLast()
                } else if rest.first == "," {
                    citation.defects.append(
                        .init(code: "comma-outside-quotes", message: "the comma after the title stands outside the closing quote"))
                    rest = rest.dropFirst()
                }
                citation.title = title
            }
        }
        if citation.title == nil { citation.defects.append(.init(code: "title-missing", message: "no quoted title at the start")) }
        // URL and record id.
        if let range = rest.range(of: #"https?://\S+"#, options: .regularExpression) {
            var url = String(rest[range])
            while let last = url.last, ".,;)".contains(last) { url.removeLast() }
            citation.url = url
            if let id = url.range(of: #"/document/(\d+)"#, options: .regularExpression) {
                citation.recordID = String(url[id].dropFirst("/document/".count))
            }
            rest = rest[..<range.lowerBound]
        } else {
            citation.defects.append(.init(code: "url-missing", message: "the citation gives no URL"))
        }
        // Date: what stands before the programme (or before the first reference).
        let programme = programmes.compactMap { name in rest.range(of: name).map { (name, $0) } }.min { $0.1.lowerBound < $1.1.lowerBound }
        var afterDate = rest
        if let (name, range) = programme {
            citation.programme = name
            citation.dateText = String(rest[..<range.lowerBound]).trimming(" ,")
            afterDate = rest[range.upperBound...]
        }
        if let dateText = citation.dateText, !dateText.isEmpty {
            let reading = DatePhrase.read(dateText)
            citation.date = reading.value
            for issue in reading.issues {
                switch issue {
                case .monthMissing: citation.defects.append(.init(code: "date-month-missing", message: "the date \"\(dateText)\" has no month"))
                case .zeroPaddedDay:
                    citation.defects.append(.init(code: "date-zero-padded-day", message: "the day in \"\(dateText)\" is zero-padded"))
                default: citation.defects.append(.init(code: "date-unreadable", message: "the date \"\(dateText)\" could not be read"))
                }
            }
        }
        // Reprint, credits and references in the rest.
        var remainder = String(afterDate)
        if let start = remainder.range(of: "Reprinted in ") {
            let tail = remainder[start.lowerBound...]
            let end =
                tail.range(of: #"pp?\. [0-9–-]+\."#, options: .regularExpression)?.upperBound
                ?? tail.range(of: ". ")?.lowerBound ?? tail.endIndex
            citation.reprint = String(tail[..<end]).trimming(" .")
            remainder.removeSubrange(start.lowerBound..<end)
        }
        citation.credits = credits(in: remainder)
        citation.references = ArchivalReferenceParser.references(in: remainder, archives: archives)
        return citation
    }

    /// Credits in a credit line or citation: "Translated by X", "Translated for CWIHP by X",
    /// "Obtained by X and translated by Y", "Obtained and translated for CWIHP by X", "Translated by X with Y".
    public static func credits(in text: String) -> [Citation.Credit] {
        var credits: [Citation.Credit] = []
        guard let expression = creditPattern else { return [] }
        let ns = text as NSString
        for match in expression.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let verb = ns.substring(with: match.range(at: 1)).lowercased()
            let forWhom = match.range(at: 2).location == NSNotFound ? nil : ns.substring(with: match.range(at: 2))
            let names = splitNames(ns.substring(with: match.range(at: 3)))
            if verb == "obtained and translated" {
                credits.append(.init(role: "obtained", names: names, forWhom: forWhom))
                credits.append(.init(role: "translated", names: names, forWhom: forWhom))
            } else {
                credits.append(.init(role: verb, names: names, forWhom: forWhom))
            }
        }
        return credits
    }

    static let creditPattern = try? NSRegularExpression(
        pattern:
            #"(?i)\b(obtained and translated|obtained|translated)(?: for ([A-Z][A-Za-z]*))? by ([^.;]+?)(?= and (?:translated|obtained)\b|[.;]|$)"#)

    static func splitNames(_ text: String) -> [String] {
        text.replacingOccurrences(of: " with ", with: ", ").replacingOccurrences(of: " and ", with: ", ")
            .split(separator: ",").map { String($0).trimming(" ") }.filter { !$0.isEmpty }
    }
}
