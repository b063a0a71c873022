import Foundation

/// A catalogued document's citation in the forms people paste into papers and reference managers.
public struct FormattedCitation: Sendable, Codable, Equatable {
    /// The document id.
    public var document: String
    /// Chicago notes-bibliography, note form.
    public var chicagoNote: String
    /// Chicago notes-bibliography, bibliography entry.
    public var chicagoBibliography: String
    /// BibTeX entry.
    public var bibtex: String
    /// CSL-JSON item (what Zotero imports), as a JSON object.
    public var cslJSON: CSLItem
    /// Defects of the source's own citation, kept as found.
    public var defects: [Citation.Defect]

    enum CodingKeys: String, CodingKey {
        case document, bibtex, defects
        case chicagoNote = "chicago_note"
        case chicagoBibliography = "chicago_bibliography"
        case cslJSON = "csl_json"
    }
}

/// A CSL-JSON item (the fields archivist fills; names and types as CSL 1.0.2 defines them).
public struct CSLItem: Sendable, Codable, Equatable {
    /// A CSL name.
    public struct Name: Sendable, Codable, Equatable {
        /// Family name.
        public var family: String?
        /// Given names.
        public var given: String?
        /// A name that is not split (an institution).
        public var literal: String?
    }

    /// A CSL date.
    public struct DateParts: Sendable, Codable, Equatable {
        /// `[[year, month, day]]`, as far as known; two entries for a range.
        public var dateParts: [[Int]]
        /// The date as the source wrote it.
        public var raw: String?

        enum CodingKeys: String, CodingKey {
            case dateParts = "date-parts"
            case raw
        }
    }

    /// The catalog id.
    public var id: String
    /// Always `manuscript` (CSL's type for archival documents).
    public var type: String
    /// The title, verbatim.
    public var title: String
    /// The document's date.
    public var issued: DateParts?
    /// Translators.
    public var translator: [Name]?
    /// The archive's full name.
    public var archive: String?
    /// Fond, opis, delo, folios.
    public var archiveLocation: String?
    /// The programme that published the translation.
    public var publisher: String?
    /// The record's URL (CSL's `URL`).
    public var url: String?
    /// The citation as the source gave it.
    public var note: String?
    /// The original language.
    public var language: String?

    enum CodingKeys: String, CodingKey {
        case id, type, title, issued, translator, archive, publisher, note, language
        case url = "URL"
        case archiveLocation = "archive_location"
    }
}

/// Formats citations of catalogued documents.
public enum CitationFormatter {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// The citation of `version` of document `id`.
    public static func format(
        document id: String, version: VersionInfo, archives: [String: String] = ArchivalReferenceParser.shippedArchives
    ) -> FormattedCitation {
        let parsed = version.citation.map { CitationParser.parse($0, archives: archives) }
        let title = parsed?.title ?? version.title
        let references =
            parsed?.references.nonEmptyOrNil ?? version.sourceLine.map { ArchivalReferenceParser.references(in: $0, archives: archives) } ?? []
        let translators =
            parsed?.translators.nonEmptyOrNil ?? version.translator.map { CitationParser.credits(in: "Translated by \($0).").flatMap(\.names) }
            ?? []
        let location = references.map(chicagoReference).joined(separator: "; ")
        let date = displayDate(version.date) ?? version.dateText
        let programme = parsed?.programme ?? (version.format.hasPrefix("wcda") ? "History and Public Policy Program Digital Archive" : nil)
        let url = parsed?.url
        let host = programme.map { $0 + (version.format.hasPrefix("wcda") ? ", Wilson Center" : "") }
        let sourceFallback = references.isEmpty ? version.sourceLine : nil

        var note: [String] = ["“\(title),”"]
        if let date { note.append(date + ",") }
        if !location.isEmpty { note.append(location + ",") } else if let sourceFallback { note.append(sourceFallback + ",") }
        if !translators.isEmpty { note.append("trans. \(list(translators)),") }
        if let host { note.append(host + (url == nil ? "." : ",")) }
        if let url { note.append(url + ".") }
        var noteText = note.joined(separator: " ")
        if noteText.hasSuffix(",") { noteText = String(noteText.dropLast()) + "." }

        var entry: [String] = ["“\(title).”"]
        if let date { entry.append(date + ".") }
        if !location.isEmpty {
            entry.append(location + ".")
        } else if let sourceFallback {
            entry.append(sourceFallback.hasSuffix(".") ? sourceFallback : sourceFallback + ".")
        }
        if !translators.isEmpty { entry.append("Translated by \(list(translators)).") }
        if let host { entry.append(host + ".") }
        if let url { entry.append(url + ".") }

        let csl = CSLItem(
            id: id, type: "manuscript", title: title, issued: cslDate(version.date, raw: version.dateText),
            translator: translators.isEmpty ? nil : translators.map(cslName), archive: references.first.map { $0.archiveName ?? $0.archive },
            archiveLocation: location.isEmpty ? nil : location, publisher: programme, url: url,
            note: parsed == nil ? nil : "Citation as given: \(version.citation!)",
            language: version.originalLanguage)
        return FormattedCitation(
            document: id, chicagoNote: noteText, chicagoBibliography: entry.joined(separator: " "),
            bibtex: bibtex(id: id, title: title, date: version.date, translators: translators, location: location, programme: programme, url: url),
            cslJSON: csl, defects: parsed?.defects ?? [])
    }

    /// `f. 17, op. 162, d. 37, ll. 120–123` with the archive's acronym first.
    static func chicagoReference(_ reference: ArchivalReference) -> String {
        var parts = [reference.archive]
        if let file = reference.file { parts.append(file) }
        if let fond = reference.fond { parts.append("f. \(fond)") }
        if let opis = reference.opis { parts.append("op. \(opis)") }
        if let year = reference.year { parts.append(year) }
        if let papka = reference.papka { parts.append("p. \(papka)") }
        if let delo = reference.delo { parts.append("d. \(delo)") }
        if let folios = reference.folios {
            let range = folios.replacingOccurrences(of: "-", with: "–")
            parts.append(reference.file != nil ? range : (range.contains("–") ? "ll. \(range)" : "l. \(range)"))
        }
        return parts.joined(separator: ", ")
    }

    /// "February 6, 1949", "September 1949", "1949", "1934–1950" from an EDTF value.
    static func displayDate(_ edtf: String?) -> String? {
        guard let edtf, !edtf.isEmpty else { return nil }
        let bounds = edtf.split(separator: "/").map(String.init)
        if bounds.count == 2 {
            guard let start = displayDate(bounds[0]), let end = displayDate(bounds[1]) else { return nil }
            return "\(start)–\(end)"
        }
        let parts = edtf.split(separator: "-").compactMap { Int($0) }
        switch parts.count {
        case 3 where (1...12).contains(parts[1]): return "\(months[parts[1] - 1]) \(parts[2]), \(parts[0])"
        case 2 where (1...12).contains(parts[1]): return "\(months[parts[1] - 1]) \(parts[0])"
        case 1: return String(parts[0])
        default: return nil
        }
    }

    static func cslDate(_ edtf: String?, raw: String?) -> CSLItem.DateParts? {
        guard let edtf, !edtf.isEmpty else { return raw.map { CSLItem.DateParts(dateParts: [], raw: $0) } }
        let bounds = edtf.split(separator: "/").map { $0.split(separator: "-").compactMap { Int($0) } }.filter { !$0.isEmpty }
        guard !bounds.isEmpty else { return nil }
        return CSLItem.DateParts(dateParts: bounds, raw: raw)
    }

    static func cslName(_ name: String) -> CSLItem.Name {
        let words = name.split(separator: " ")
        guard words.count >= 2 else { return CSLItem.Name(literal: name) }
        return CSLItem.Name(family: String(words.last!), given: words.dropLast().joined(separator: " "))
    }

    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2: return "\(names[0]) and \(names[1])"
        default: return names.dropLast().joined(separator: ", ") + ", and " + names.last!
        }
    }

    static func bibtex(
        id: String, title: String, date: String?, translators: [String], location: String, programme: String?, url: String?
    ) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\textbackslash{}").replacingOccurrences(of: "{", with: "\\{")
                .replacingOccurrences(of: "}", with: "\\}").replacingOccurrences(of: "&", with: "\\&").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "#", with: "\\#").replacingOccurrences(of: "_", with: "\\_").replacingOccurrences(of: "$", with: "\\$")
        }
        let key = id.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        var fields = ["  title = {\(escape(title))}"]
        if let date, !date.isEmpty { fields.append("  date = {\(date)}") }
        if !translators.isEmpty { fields.append("  translator = {\(escape(translators.joined(separator: " and ")))}") }
        if !location.isEmpty { fields.append("  howpublished = {\(escape(location))}") }
        if let programme { fields.append("  organization = {\(escape(programme))}") }
        if let url { fields.append("  url = {\(url)}") }
        return "@misc{\(key),\n" + fields.joined(separator: ",\n") + "\n}"
    }
}

extension Array {
    /// The array, or nil when it is empty.
    var nonEmptyOrNil: [Element]? { isEmpty ? nil : self }
}
