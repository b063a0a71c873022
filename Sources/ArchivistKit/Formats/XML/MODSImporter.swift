import ArchivistXML
import Chronology

/// MODS records (`mods`, or each `mods` of a `modsCollection`).
enum MODSImporter {
    static func documents(_ root: XMLElementRef) -> [ImportedDocument] {
        let records = root.isNamed("modsCollection") ? root.children("mods") : [root]
        return records.map(document)
    }

    static func document(_ mods: XMLElementRef) -> ImportedDocument {
        let titleInfo = mods.children("titleInfo").first { $0.attribute("type") == nil } ?? mods.child("titleInfo")
        let title = titleInfo.map { info in
            [info.child("nonSort")?.text, info.child("title")?.text, info.child("subTitle")?.text]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        var document = ImportedDocument(title: title?.nonEmpty ?? "Untitled MODS record", body: "")
        let recordID =
            mods.child("recordInfo")?.child("recordIdentifier")?.text.nonEmpty
            ?? mods.children("identifier").first { !$0.text.isEmpty }?.text
        document.identity = recordID.map { "mods:" + $0 }
        document.recordID = recordID
        if let date = date(mods) {
            document.date = date
            document.dateText = date.text
        }
        var creators: [String] = []
        var translators: [String] = []
        for name in mods.children("name") {
            let display = name.children("namePart").map(\.text).filter { !$0.isEmpty }.joined(separator: ", ")
            guard !display.isEmpty else { continue }
            let roles = name.descendants("roleTerm").map { $0.text.lowercased() }
            if roles.contains(where: { $0.hasPrefix("transl") || $0 == "trl" }) { translators.append(display) } else { creators.append(display) }
        }
        if !creators.isEmpty { document.fields["creator"] = creators.joined(separator: "; ") }
        if !translators.isEmpty { document.translator = translators.joined(separator: "; ") }
        if let language = mods.child("language")?.child("languageTerm") { document.originalLanguage = language.text.nonEmpty }
        if let location = mods.child("location") {
            let parts = [location.child("physicalLocation")?.text, location.child("shelfLocator")?.text].compactMap { $0 }.filter { !$0.isEmpty }
            if !parts.isEmpty { document.sourceLine = parts.joined(separator: ", ") }
        }
        document.summary = mods.child("abstract")?.text.nonEmpty
        let parts = (mods.children("abstract") + mods.children("note")).map(\.text).filter { !$0.isEmpty }
        document.body = parts.isEmpty ? mods.text(blocks: XMLText.blocks) : parts.joined(separator: "\n\n")
        if document.body.isEmpty { document.body = document.title }
        return document
    }

    /// `originInfo` `dateCreated`, `dateIssued`, `copyrightDate`, `dateCaptured`: a `keyDate` first,
    /// `@point` start/end pairs as intervals, `@qualifier` approximate/questionable/inferred.
    static func date(_ mods: XMLElementRef) -> DateValue? {
        let info = mods.children("originInfo")
        let candidates = info.flatMap {
            $0.children.filter { $0.isNamed(anyOf: ["dateCreated", "dateIssued", "copyrightDate", "dateCaptured", "dateOther"]) }
        }
        guard !candidates.isEmpty else { return nil }
        let key = candidates.first { $0.attribute("keyDate") == "yes" } ?? candidates[0]
        let siblings = candidates.filter { $0.name == key.name }
        var value: DateValue?
        if let start = siblings.first(where: { $0.attribute("point") == "start" }) {
            let end = siblings.first { $0.attribute("point") == "end" }
            let text = [start.text, end?.text].compactMap { $0 }.joined(separator: "-")
            value = XMLDates.range(from: start.text, to: end?.text, text: text)
        } else {
            value = XMLDates.phrase(key.text)
        }
        guard var result = value else { return nil }
        switch key.attribute("qualifier") {
        case "approximate":
            result = DateValue(period: result.period, precision: result.precision, qualifiers: result.qualifiers + [.approximate], text: result.text)
        case "questionable", "inferred":
            result = DateValue(period: result.period, precision: result.precision, qualifiers: result.qualifiers + [.uncertain], text: result.text)
        default: break
        }
        return result
    }
}
