import ArchivistXML
import Chronology

/// TEI P5 (and `teiCorpus`): one document per `TEI`, or per `div[@type='document']` in a FRUS volume.
enum TEIImporter {
    static func documents(_ root: XMLElementRef) -> [ImportedDocument] {
        let texts = root.isNamed("teiCorpus") ? root.descendants("TEI") : [root]
        return texts.flatMap(documents(ofTEI:))
    }

    static func documents(ofTEI tei: XMLElementRef) -> [ImportedDocument] {
        let header = tei.child("teiHeader")
        let fileDesc = header?.child("fileDesc")
        let ownID =
            fileDesc?.child("publicationStmt")?.children("idno").first { !$0.text.isEmpty }?.text
            ?? tei.attribute("id")
        let divisions = tei.child("text")?.descendants("div").filter { $0.attribute("type") == "document" } ?? []
        var base = ImportedDocument(title: title(fileDesc) ?? "Untitled TEI document", body: "")
        base.identity = ownID.map { "tei:" + $0 }
        base.recordID = ownID
        base.fields = header.map(headerFields) ?? [:]
        if let translator = translators(fileDesc) { base.translator = translator }
        if let language = language(tei) { base.originalLanguage = language }
        if let reference = reference(fileDesc) {
            base.sourceLine = reference.line
            base.fields.merge(reference.parts) { $1 }
        }
        if let date = headerDate(header) {
            base.date = date
            base.dateText = date.text
        }
        guard !divisions.isEmpty else {
            var document = base
            document.body = tei.child("text").map { $0.text(blocks: XMLText.blocks) } ?? ""
            if document.body.isEmpty { document.body = document.title }
            return [document]
        }
        // A FRUS volume: each documentary division is a document of its own, inside the volume.
        return divisions.enumerated().map { index, division in
            var document = base
            let divisionID = division.attribute("id") ?? division.attribute("n") ?? String(index + 1)
            document.identity = (ownID.map { "tei:" + $0 } ?? "tei") + "#" + divisionID
            document.recordID = divisionID
            document.title = division.child("head")?.text ?? "\(base.title), document \(divisionID)"
            document.fields["volume"] = base.title
            if let source = division.children("note").first(where: { $0.attribute("type") == "source" }) {
                document.sourceLine = source.text
            }
            if let dated = division.first("date"), let date = dateValue(dated) {
                document.date = date
                document.dateText = date.text
            } else if let min = division.attribute("doc-dateTime-min"),
                let date = XMLDates.range(
                    from: min, to: division.attribute("doc-dateTime-max"), text: min)
            {
                document.date = date
                document.dateText = date.text
            }
            document.body = division.text(blocks: XMLText.blocks)
            return document
        }
    }

    static func title(_ fileDesc: XMLElementRef?) -> String? {
        let titles = fileDesc?.child("titleStmt")?.children("title").filter { !$0.text.isEmpty } ?? []
        let preferred =
            titles.first { ["main", "complete"].contains($0.attribute("type") ?? "") } ?? titles.first { $0.attribute("type") == nil }
            ?? titles.first
        return preferred?.text
    }

    /// Names in `respStmt`s whose `resp` speaks of translation.
    static func translators(_ fileDesc: XMLElementRef?) -> String? {
        let statements = fileDesc?.child("titleStmt")?.children("respStmt") ?? []
        let names = statements.filter { $0.child("resp")?.text.lowercased().contains("transl") == true }
            .flatMap { statement in statement.children.filter { !$0.isNamed("resp") }.map(\.text) }
            .filter { !$0.isEmpty }
        return names.isEmpty ? nil : names.joined(separator: "; ")
    }

    static func language(_ tei: XMLElementRef) -> String? {
        if let language = tei.child("teiHeader")?.child("profileDesc")?.child("langUsage")?.child("language") {
            let text = language.text
            return text.isEmpty ? language.attribute("ident") : text
        }
        return nil
    }

    /// The archival reference: `msIdentifier` (settlement, repository, collection, idno).
    static func reference(_ fileDesc: XMLElementRef?) -> (line: String, parts: [String: String])? {
        guard let identifier = fileDesc?.child("sourceDesc")?.first("msIdentifier") else { return nil }
        var parts: [String: String] = [:]
        var line: [String] = []
        for name in ["country", "region", "settlement", "institution", "repository", "collection", "idno", "msName"] {
            guard let part = identifier.children.first(where: { $0.name == name }), !part.text.isEmpty else { continue }
            parts["reference." + name] = part.text
            line.append(part.text)
        }
        return line.isEmpty ? nil : (line.joined(separator: ", "), parts)
    }

    /// The document's own date: `profileDesc/creation/date`, then `correspAction/date`, then a date in `sourceDesc`.
    static func headerDate(_ header: XMLElementRef?) -> DateValue? {
        let candidates = [
            header?.child("profileDesc")?.child("creation")?.first("date"),
            header?.child("profileDesc")?.child("correspDesc")?.first("date"),
            header?.child("fileDesc")?.child("sourceDesc")?.first("date"),
        ]
        for case let element? in candidates {
            if let value = dateValue(element) { return value }
        }
        return nil
    }

    /// A TEI date element: `@when`, `@from`/`@to`, `@notBefore`/`@notAfter`, else its text.
    static func dateValue(_ element: XMLElementRef) -> DateValue? {
        let text = element.text
        if let when = element.attribute("when"), let value = XMLDates.point(when, text: text.isEmpty ? when : text) { return value }
        if element.attribute("from") != nil || element.attribute("to") != nil {
            return XMLDates.range(from: element.attribute("from"), to: element.attribute("to"), text: text)
        }
        if element.attribute("notBefore") != nil || element.attribute("notAfter") != nil {
            return XMLDates.range(from: element.attribute("notBefore"), to: element.attribute("notAfter"), text: text)
        }
        return text.isEmpty ? nil : XMLDates.phrase(text)
    }

    /// Creators, editors and the source-side history (`revisionDesc/change`).
    static func headerFields(_ header: XMLElementRef) -> [String: String] {
        var fields: [String: String] = [:]
        let titleStmt = header.child("fileDesc")?.child("titleStmt")
        let authors = titleStmt?.children("author").map(\.text).filter { !$0.isEmpty } ?? []
        if !authors.isEmpty { fields["creator"] = authors.joined(separator: "; ") }
        let editors = titleStmt?.children("editor").map(\.text).filter { !$0.isEmpty } ?? []
        if !editors.isEmpty { fields["editor"] = editors.joined(separator: "; ") }
        let changes =
            header.child("revisionDesc")?.descendants("change").map { change in
                [change.attribute("when"), change.attribute("who"), change.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            } ?? []
        if !changes.isEmpty { fields["history"] = changes.joined(separator: "\n") }
        return fields
    }
}
