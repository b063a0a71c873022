import Chronology
import Foundation

/// Imports a Wilson Center Digital Archive record in either layout a user saves it in.
///
/// - The PDF export: header lines, display date, title, then labelled blocks `Citation:`,
///   `Summary:`, `Original Language:`, `Contents:`, then the translation.
/// - The web page: display date, title, an optional donor line, the translation, `Summary`,
///   `Document Information` with `Source`, `Rights`, `Record ID` and other fields.
///
/// Both give the identity `wcda:<record id>`, so the two layouts of one record become two versions
/// of one document. Defects are kept verbatim and reported as warnings, never repaired.
public struct WilsonCenterImporter: DocumentImporter {
    /// Which layout this importer reads.
    public let layout: DocumentFormat
    public var name: String { layout.rawValue }
    public var version: String { "1" }

    /// Creates the importer for `layout` (``DocumentFormat/wilsonCenterExport`` or ``DocumentFormat/wilsonCenterPage``).
    public init(layout: DocumentFormat) {
        self.layout = layout
    }

    /// Labels of the PDF export's blocks.
    static let exportLabels = [
        "Citation", "Summary", "Credits", "Original Language", "Contents", "Keywords", "Original Archive", "Record ID",
    ]
    /// Field names in the web page's "Document Information" section.
    static let pageLabels = [
        "Source", "Rights", "Record ID", "Original Language", "Language", "Original Archive", "Original Uploaded Date",
        "Type", "Citation", "Credits", "Subjects Discussed", "Related Documents", "Resource Type", "Donors", "Theme",
    ]

    public func read(_ text: String, path: String) throws -> [ImportedDocument] {
        let lines = lines(of: text)
        var document = layout == .wilsonCenterExport ? try readExport(lines, path: path) : try readPage(lines, path: path)
        finish(&document, path: path)
        return [document]
    }

    // MARK: The PDF export

    func readExport(_ lines: [String], path: String) throws -> ImportedDocument {
        var index = 0
        // Skip the header paragraph ("Digital Archive ...", "International History Declassified").
        if lines.first(where: { !$0.trimmed.isEmpty })?.trimmed.hasPrefix("Digital Archive") == true {
            while index < lines.count, lines[index].trimmed.isEmpty { index += 1 }
            while index < lines.count, !lines[index].trimmed.isEmpty { index += 1 }
        }
        // The date and title paragraph, up to the first label.
        var heading: [String] = []
        while index < lines.count, label(of: lines[index], in: Self.exportLabels) == nil {
            if !lines[index].trimmed.isEmpty { heading.append(lines[index].trimmed) }
            index += 1
        }
        var fields: [String: String] = [:]
        var order: [String] = []
        var current: String?
        var buffer: [String] = []
        var body: [String] = []
        func close() {
            if let current {
                fields[current] = buffer.joined(separator: "\n").trimmed
                order.append(current)
            }
            buffer = []
        }
        while index < lines.count {
            let line = lines[index]
            if current != "Contents", let (name, rest) = label(of: line, in: Self.exportLabels) {
                close()
                current = name
                if !rest.isEmpty { buffer.append(rest) }
            } else if current == "Contents" {
                // The contents list is one paragraph; the translation follows it.
                if line.trimmed.isEmpty && !buffer.isEmpty {
                    close()
                    current = nil
                    body = Array(lines[(index + 1)...])
                    break
                }
                if !line.trimmed.isEmpty { buffer.append(line.trimmed) }
            } else {
                buffer.append(line)
            }
            index += 1
        }
        close()
        let (dateText, title) = splitHeading(heading)
        var document = ImportedDocument(
            title: title, dateText: dateText, summary: fields["Summary"], originalLanguage: fields["Original Language"],
            citation: fields["Citation"].map(oneLine), body: body.joined(separator: "\n").trimmed)
        for name in order where fields[name]?.isEmpty == true {
            document.warnings.append(ImportWarning(code: "empty-field", message: "the field \"\(name):\" is empty"))
        }
        for (name, value) in fields where !["Summary", "Original Language", "Citation"].contains(name) {
            document.fields[name] = value
        }
        if let record = fields["Record ID"] { document.recordID = record.trimmed }
        if document.citation == nil {
            document.warnings.append(ImportWarning(code: "citation-missing", message: "the export has no \"Citation:\" block"))
        }
        return document
    }

    // MARK: The web page

    func readPage(_ lines: [String], path: String) throws -> ImportedDocument {
        let trimmedLines = lines.map(\.trimmed)
        let infoStart = trimmedLines.lastIndex(of: "Document Information") ?? trimmedLines.count
        let summaryStart = trimmedLines[..<infoStart].lastIndex(of: "Summary")
        let top = paragraphs(Array(lines[..<(summaryStart ?? infoStart)]))
        var headingParagraphs = 0
        var heading: [String] = []
        // Date and title are the first one or two short paragraphs.
        for paragraph in top.prefix(2) {
            let joined = paragraph.map(\.trimmed)
            if heading.isEmpty || (heading.count == 1 && DatePhrase.read(heading[0]).value != nil && joined.count <= 2) {
                heading += joined
                headingParagraphs += 1
            }
        }
        var rest = top.dropFirst(headingParagraphs)
        var fields: [String: String] = [:]
        if let donor = rest.first, donor.count == 1, donor[0].trimmed.hasPrefix("This document was made possible") {
            fields["Donor"] = donor[0].trimmed
            rest = rest.dropFirst()
        }
        let body = rest.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
        var summary: String?
        if let summaryStart {
            summary = lines[(summaryStart + 1)..<infoStart].joined(separator: "\n").trimmed
        }
        var current: String?
        var buffer: [String] = []
        var order: [String] = []
        func close() {
            if let current {
                fields[current] = buffer.joined(separator: "\n").trimmed
                order.append(current)
            }
            buffer = []
        }
        if infoStart < lines.count {
            for line in lines[(infoStart + 1)...] {
                if let (name, rest) = label(of: line, in: Self.pageLabels, colonOptional: true) {
                    close()
                    current = name
                    if !rest.isEmpty { buffer.append(rest) }
                } else {
                    buffer.append(line)
                }
            }
            close()
        }
        let (dateText, title) = splitHeading(heading)
        var document = ImportedDocument(
            title: title, dateText: dateText, summary: summary, originalLanguage: fields["Original Language"] ?? fields["Language"],
            citation: fields["Citation"].map(oneLine), sourceLine: fields["Source"].map(oneLine), body: body.trimmed)
        if summary?.isEmpty == true {
            document.warnings.append(ImportWarning(code: "empty-field", message: "the \"Summary\" section is empty"))
        }
        for name in order where fields[name]?.isEmpty == true {
            document.warnings.append(ImportWarning(code: "empty-field", message: "the field \"\(name)\" is empty"))
        }
        for (name, value) in fields where !["Original Language", "Citation", "Source", "Record ID"].contains(name) {
            document.fields[name] = value
        }
        if let record = fields["Record ID"], !record.isEmpty { document.recordID = record }
        if infoStart == lines.count {
            document.warnings.append(ImportWarning(code: "document-information-missing", message: "the page has no \"Document Information\" section"))
        }
        return document
    }

    // MARK: Shared steps

    /// Returns the label a line starts, and the text after it, when the line is a known label.
    func label(of line: String, in labels: [String], colonOptional: Bool = false) -> (String, String)? {
        let text = line.trimmed
        for name in labels {
            if text == name + ":" || (colonOptional && text == name) { return (name, "") }
            if text.hasPrefix(name + ":") {
                return (name, String(text.dropFirst(name.count + 1)).trimmed)
            }
        }
        return nil
    }

    /// Splits the heading lines into the display date (when the first line is one) and the title.
    func splitHeading(_ heading: [String]) -> (String?, String) {
        guard let first = heading.first else { return (nil, "") }
        if heading.count > 1, DatePhrase.read(first).value != nil, looksLikeDateLine(first) {
            return (first, heading.dropFirst().joined(separator: " "))
        }
        return (nil, heading.joined(separator: " "))
    }

    /// A date line is short and made of a date's words only, so a title that mentions a year is not taken for one.
    func looksLikeDateLine(_ line: String) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." })
        return words.count <= 4
            && words.allSatisfy { word in
                word.allSatisfy(\.isNumber) || DatePhrase.monthNames[word.lowercased()] != nil
                    || ["circa", "c", "ca"].contains(word.lowercased())
            }
    }

    func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map(\.trimmed).joined(separator: " ")
    }

    /// Derives identity, date and translator, and records defects as warnings.
    func finish(_ document: inout ImportedDocument, path: String) {
        if document.title.isEmpty {
            document.warnings.append(ImportWarning(code: "title-missing", message: "no title was found"))
        }
        if let dateText = document.dateText {
            let reading = DatePhrase.read(dateText)
            document.date = reading.value
            for issue in reading.issues {
                document.warnings.append(
                    ImportWarning(code: "display-date-\(issue.rawValue)", message: "display date \"\(dateText)\": \(issue.rawValue)"))
            }
        } else {
            document.warnings.append(ImportWarning(code: "display-date-missing", message: "the record has no display date"))
        }
        let urlRecord = (document.citation ?? document.sourceLine).flatMap(Self.recordIDFromURL)
        if let urlRecord, let field = document.recordID, urlRecord != field {
            document.warnings.append(
                ImportWarning(
                    code: "record-id-mismatch",
                    message: "the citation's URL names record \(urlRecord) but the Record ID field says \(field); the Record ID field is used"))
        }
        document.recordID = document.recordID ?? urlRecord
        if let record = document.recordID {
            document.identity = "wcda:\(record)"
        } else {
            document.warnings.append(
                ImportWarning(
                    code: "record-id-missing",
                    message: "no record id (neither a /document/<id> URL nor a Record ID field); the file's path is its identity"))
        }
        let credits = [document.citation, document.sourceLine].compactMap { $0 }
        document.translator = credits.lazy.compactMap(Self.translatorCredit).first
        if let citation = document.citation {
            checkCitationDate(citation, displayDate: document.date, into: &document.warnings)
        }
    }

    /// The record id in a `digitalarchive.wilsoncenter.org/document/<id>` URL.
    static func recordIDFromURL(_ text: String) -> String? {
        guard let range = text.firstRange(ofBytes: "/document/") else { return nil }
        let match = text[range.upperBound...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return match.isEmpty ? nil : String(match)
    }

    /// The translator named in a credit ("Translated by X", "Obtained by X and translated by Y",
    /// "Translated for CWIHP by X"), or `nil`.
    static func translatorCredit(_ text: String) -> String? {
        guard let start = creditStart(text) else { return nil }
        var words: [Substring] = []
        for word in text[start...].split(separator: " ") {
            let bare = word.trimming(".,;")
            let isConnector = ["and", "with", "&"].contains(bare)
            guard bare.first?.isUppercase == true || isConnector else { break }
            if bare.hasPrefix("http") { break }
            words.append(word)
            // A full stop ends the credit unless it follows an initial ("V. Zubok").
            if word.hasSuffix(".") && bare.count > 1 { break }
            if word.hasSuffix(",") || word.hasSuffix(";") { break }
        }
        while let last = words.last, ["and", "with", "&"].contains(last) { words.removeLast() }
        let credit = words.joined(separator: " ").trimming(".,; ")
        return credit.isEmpty ? nil : credit
    }

    /// Where the name after "translated by" or "translated for <programme> by" begins.
    static func creditStart(_ text: String) -> String.Index? {
        var rest = text[...]
        while let hit = rest.firstRange(ofBytes: "ranslated ") {
            let before = rest[..<hit.lowerBound].last
            rest = rest[hit.upperBound...]
            guard before == "T" || before == "t" else { continue }
            if rest.hasPrefix("by ") { return rest.index(rest.startIndex, offsetBy: 3) }
            // "translated for CWIHP by": a short run of letters and spaces, then "by ".
            if rest.hasPrefix("for "), let by = rest.firstRange(ofBytes: " by ") {
                let programme = rest[rest.index(rest.startIndex, offsetBy: 4)..<by.lowerBound]
                if programme.count <= 60, programme.allSatisfy({ $0.isLetter || $0 == " " }) { return by.upperBound }
            }
        }
        return nil
    }

    /// Reads the date in a citation (`"Title," February 04, 1949, ...`) and reports its defects.
    func checkCitationDate(_ citation: String, displayDate: DateValue?, into warnings: inout [ImportWarning]) {
        // The date stands between the quoted title's closing comma and the next programme name.
        let closers = [",\u{201D}", ",\"", "\u{201D},", "\","]
        guard let close = closers.compactMap({ citation.firstRange(ofBytes: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else {
            warnings.append(
                ImportWarning(code: "citation-title-unquoted", message: "the citation does not start with a quoted title: \(citation.prefix(80))"))
            return
        }
        if citation[close].hasPrefix("\u{201D}") || citation[close].hasPrefix("\"") {
            warnings.append(
                ImportWarning(code: "citation-comma-outside-quotes", message: "the comma after the citation's title stands outside the closing quote")
            )
        }
        let after = citation[close.upperBound...]
        let pieces = after.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
        guard let firstPiece = pieces.first else { return }
        var phrase = firstPiece.trimmed
        if pieces.count > 1, Int(pieces[1].trimmed) != nil { phrase += ", " + pieces[1].trimmed }
        let reading = DatePhrase.read(phrase)
        guard reading.value != nil else {
            warnings.append(ImportWarning(code: "citation-date-missing", message: "the citation gives no date after its title"))
            return
        }
        for issue in reading.issues {
            warnings.append(ImportWarning(code: "citation-date-\(issue.rawValue)", message: "citation date \"\(phrase)\": \(issue.rawValue)"))
        }
        if let displayDate, let cited = reading.value, !displayDate.overlaps(cited) {
            warnings.append(
                ImportWarning(
                    code: "citation-date-differs", message: "the citation's date \"\(phrase)\" differs from the display date \"\(displayDate.text)\"")
            )
        }
    }
}
