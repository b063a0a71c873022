import ArchivistXML

/// OAI-PMH responses: `ListRecords` and `GetRecord` give one document per `record` (Dublin Core
/// read field by field, other metadata as text); a deleted record is a deletion; an `<error>`
/// response is an error, never an empty success.
enum OAIPMHImporter {
    static func documents(_ root: XMLElementRef, path: String) throws -> [ImportedDocument] {
        let errors = root.children("error")
        if !errors.isEmpty {
            let described = errors.map { error in "\(error.attribute("code") ?? "error")\(error.text.nonEmpty.map { " (\($0))" } ?? "")" }
            throw ArchivistError(
                code: "oai-pmh-error",
                message:
                    "\(path) is an OAI-PMH error response, not records: \(described.joined(separator: "; ")). Nothing was catalogued; correct the harvest request (verb, metadataPrefix, identifier, resumptionToken) and harvest again.",
                path: path)
        }
        let verb = root.children.first { !$0.isNamed("responseDate") && !$0.isNamed("request") }
        let records = verb?.children("record") ?? []
        guard !records.isEmpty else {
            throw ArchivistError(
                code: "oai-pmh-no-records",
                message:
                    "\(path) is an OAI-PMH \(verb?.name ?? "") response without records; only ListRecords and GetRecord responses hold documents. Harvest with ListRecords.",
                path: path)
        }
        return records.map(document)
    }

    static func document(_ record: XMLElementRef) -> ImportedDocument {
        let header = record.child("header")
        let identifier = header?.child("identifier")?.text
        let datestamp = header?.child("datestamp")?.text
        var fields: [String: String] = [:]
        if let datestamp { fields["oai.datestamp"] = datestamp }
        let sets = header?.children("setSpec").map(\.text) ?? []
        if !sets.isEmpty { fields["oai.sets"] = sets.joined(separator: "; ") }
        if header?.attribute("status") == "deleted" {
            var deletion = ImportedDocument(identity: identifier, title: identifier ?? "deleted record", body: "", fields: fields)
            deletion.deletedAtSource = true
            deletion.recordID = identifier
            return deletion
        }
        let metadata = record.child("metadata")?.children.first
        var document = ImportedDocument(identity: identifier, title: identifier ?? "OAI-PMH record", body: "", fields: fields)
        document.recordID = identifier
        guard let metadata else { return document }
        if metadata.isNamed("dc") {
            var values: [String: [String]] = [:]
            for element in metadata.children where !element.text.isEmpty {
                values[element.name, default: []].append(element.text)
            }
            for (name, list) in values { document.fields["dc." + name] = list.joined(separator: "\n") }
            if let title = values["title"]?.first { document.title = title }
            if let date = values["date"]?.first {
                document.dateText = date
                document.date = XMLDates.phrase(date)
            }
            if let language = values["language"]?.first { document.originalLanguage = language }
            document.sourceLine = values["source"]?.joined(separator: "; ")
            let translators = (values["contributor"] ?? []).filter { $0.lowercased().contains("transl") }
            if !translators.isEmpty { document.translator = translators.joined(separator: "; ") }
            if let creators = values["creator"] { document.fields["creator"] = creators.joined(separator: "; ") }
            document.summary = values["description"]?.first
            document.body = (values["description"] ?? []).joined(separator: "\n\n")
        } else {
            document.fields["oai.metadata-format"] = metadata.name
            document.title = metadata.first("title")?.text.nonEmpty ?? document.title
            document.body = metadata.text(blocks: XMLText.blocks)
        }
        if document.body.isEmpty { document.body = document.title }
        return document
    }
}
