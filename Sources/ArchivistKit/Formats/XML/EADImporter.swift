import ArchivistXML
import Chronology
import Foundation

/// EAD 2002 and EAD3 finding aids: the collection (`archdesc`) and one document per component
/// (`c`, `c01` ... `c12`), each with its `unitid` chain, dates, repository and identity.
enum EADImporter {
    /// Whether `element` is a component: `c`, or `c01` to `c12` (asked of every child of every unit).
    static func isComponent(_ element: XMLElementRef) -> Bool { element.isNamed("c", orNumbered: 1...12) }

    /// The collection and its components, in document order.
    ///
    /// Built on the calling thread: ingest and inspect already read several files at once, one per
    /// core, and building one file's components on every core as well measured slower (threads
    /// contending for the cores and for the tree, which every view of it retains).
    ///
    /// With `identitiesOnly`, each document holds only what settles which document it is (its
    /// identity and record id, the same as a full read gives): for a file whose bytes the catalog
    /// already holds, whose components are then found unchanged one by one without their text,
    /// dates and fields being built.
    static func documents(_ ead: XMLElementRef, version: String, identitiesOnly: Bool = false) -> [ImportedDocument] {
        let header = ead.child("eadheader") ?? ead.child("control")
        let findingAidID = (header?.child("eadid") ?? header?.child("recordid"))?.text
        if identitiesOnly { return identities(ead, findingAidID: findingAidID) }
        guard let archdesc = ead.child("archdesc") else {
            var document = XMLImporter.generic(ead)
            document.warnings = [ImportWarning(code: "ead-no-archdesc", message: "the EAD file has no <archdesc>; catalogued by its text.")]
            return [document]
        }
        let repository = archdesc.child("did")?.child("repository")?.text
        var fields: [String: String] = [:]
        if let repository, !repository.isEmpty { fields["reference.repository"] = repository }
        if let history = history(header), !history.isEmpty { fields["history"] = history }
        let collectionTitle =
            archdesc.child("did")?.child("unittitle")?.text
            ?? header?.path("filedesc", "titlestmt", "titleproper")?.text ?? "Untitled finding aid"
        let identity = findingAidID.map { "ead:" + $0 }
        var collection = document(
            archdesc, did: archdesc.child("did"), identity: identity, fallbackTitle: collectionTitle, chain: [], repository: repository,
            fields: fields)
        collection.recordID = findingAidID
        collection.fields["ead.level"] = archdesc.attribute("level") ?? "collection"
        // The fields every component shares, with room for its own: each copies the table once, on
        // its first addition, and hashes only the keys it adds.
        var shared = fields
        shared.reserveCapacity(fields.count + 6)
        shared["collection"] = collectionTitle
        // Each component is built when the walk reaches it, in document order, while its part of
        // the tree is fresh in the cache.
        var documents = [collection]
        forEachComponent(of: archdesc) { component, did, componentID, chain in
            var item = document(
                component, did: did, identity: componentIdentity(identity, componentID),
                fallbackTitle: "Component \(componentID) of \(collectionTitle)", chain: chain, repository: repository, fields: shared)
            item.recordID = componentID
            item.fields["ead.level"] = component.attribute("level") ?? "component"
            documents.append(item)
        }
        return documents
    }

    /// The documents a full read gives, with only their identities and record ids.
    static func identities(_ ead: XMLElementRef, findingAidID: String?) -> [ImportedDocument] {
        let identity = findingAidID.map { "ead:" + $0 }
        guard let archdesc = ead.child("archdesc") else {
            return [ImportedDocument(title: "", body: "")]
        }
        var collection = ImportedDocument(identity: identity, title: "", body: "")
        collection.recordID = findingAidID
        var documents = [collection]
        forEachComponent(of: archdesc) { _, _, componentID, _ in
            var item = ImportedDocument(identity: componentIdentity(identity, componentID), title: "", body: "")
            item.recordID = componentID
            documents.append(item)
        }
        return documents
    }

    /// A component's document identity: the finding aid's (`ead:<eadid or recordid>`, or `ead` when
    /// it has none) and the component's id.
    static func componentIdentity(_ findingAid: String?, _ componentID: String) -> String {
        (findingAid ?? "ead") + "#" + componentID
    }

    /// Visits the components under `archdesc`'s `dsc`s in document order, each with its `did`, its
    /// id and its unitid chain (its ancestors' unitids and its own, below the collection's). Its id
    /// is its `@id`, else its chain below the collection's unitid joined by `/`, else `c<n>` for the
    /// n-th component (the collection being document 0).
    static func forEachComponent(
        of archdesc: XMLElementRef, _ visit: (_ component: XMLElementRef, _ did: XMLElementRef?, _ id: String, _ chain: [String]) -> Void
    ) {
        let root: [String] = archdesc.child("did")?.child("unitid").map { [$0.text] } ?? []
        var position = 0
        func walk(_ parent: XMLElementRef, chain: [String]) {
            for component in parent.children where isComponent(component) {
                position += 1
                let did = component.child("did")
                var ownChain = chain
                if let unitID = did?.child("unitid")?.text { ownChain.append(unitID) }
                let id = component.attribute("id") ?? (ownChain.count > root.count ? ownChain.joined(separator: "/") : "c\(position)")
                visit(component, did, id, ownChain)
                walk(component, chain: ownChain)
            }
        }
        for dsc in archdesc.children("dsc") { walk(dsc, chain: root) }
    }

    /// One unit (`archdesc` or a component) as a document; `did` is its `did`, found once by the caller.
    static func document(
        _ unit: XMLElementRef, did: XMLElementRef?, identity: String?, fallbackTitle: @autoclosure () -> String, chain: [String],
        repository: String?, fields: [String: String]
    ) -> ImportedDocument {
        var document = ImportedDocument(title: did?.child("unittitle")?.text.nonEmpty ?? fallbackTitle(), body: "")
        document.identity = identity
        document.fields = fields
        let unitIDs = chain.isEmpty ? (did?.children("unitid").map(\.text).filter { !$0.isEmpty } ?? []) : chain
        // The repository and the unitid chain, as "repository, unitid, unitid" (written out rather
        // than joined from arrays made for it: this runs for every component).
        let repositoryName = repository?.nonEmpty
        if repositoryName != nil || !unitIDs.isEmpty {
            var line = repositoryName ?? ""
            for (position, unitID) in unitIDs.enumerated() {
                if position > 0 || repositoryName != nil { line += ", " }
                line += unitID
            }
            document.sourceLine = line
            document.fields["reference.unitid"] = unitIDs.joined(separator: " / ")
        }
        if let did, let date = date(did) {
            document.date = date
            document.dateText = date.text
        }
        let creators = did?.children("origination").map(\.text).filter { !$0.isEmpty } ?? []
        if !creators.isEmpty { document.fields["creator"] = creators.joined(separator: "; ") }
        if let language = did?.child("langmaterial")?.first("language") ?? unit.child("langmaterial")?.first("language") {
            document.originalLanguage = language.text.nonEmpty ?? language.attribute("langcode")
        }
        // The unit's own description, not its components' (they are documents of their own).
        let stop: (XMLElementRef) -> Bool = { isComponent($0) || $0.isNamed("dsc") }
        document.body = unit.text(ofChildren: { !stop($0) }, blocks: XMLText.blocks)
        if document.body.isEmpty { document.body = document.title }
        return document
    }

    /// `unitdate` (`@normal`, EAD3 `@standarddate`, `@notbefore`/`@notafter`) or EAD3 `unitdatestructured`.
    static func date(_ did: XMLElementRef) -> DateValue? {
        if let structured = did.child("unitdatestructured") {
            if let single = structured.first("datesingle") {
                if let standard = single.attribute("standarddate") { return XMLDates.interval(standard, text: single.text.nonEmpty ?? standard) }
                if single.attribute("notbefore") != nil || single.attribute("notafter") != nil {
                    return XMLDates.range(from: single.attribute("notbefore"), to: single.attribute("notafter"), text: single.text)
                }
            }
            if let range = structured.first("daterange") {
                let from = range.child("fromdate")
                let to = range.child("todate")
                let text = [from?.text, to?.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "-")
                let start = from?.attribute("standarddate") ?? from?.attribute("notbefore") ?? from?.text
                let end = to?.attribute("standarddate") ?? to?.attribute("notafter") ?? to?.text
                if let value = XMLDates.range(from: start, to: end, text: text) { return value }
            }
        }
        for unitdate in did.children("unitdate") {
            let text = unitdate.text
            if let normal = unitdate.attribute("normal") ?? unitdate.attribute("standarddate"),
                let value = XMLDates.interval(normal, text: text.nonEmpty ?? normal)
            {
                return value
            }
            if unitdate.attribute("notbefore") != nil || unitdate.attribute("notafter") != nil {
                return XMLDates.range(from: unitdate.attribute("notbefore"), to: unitdate.attribute("notafter"), text: text)
            }
            if let value = XMLDates.phrase(text) { return value }
        }
        return nil
    }

    /// EAD3 `maintenancehistory` (or EAD 2002 `revisiondesc`), one line per event.
    static func history(_ header: XMLElementRef?) -> String? {
        if let events = header?.child("maintenancehistory")?.children("maintenanceevent"), !events.isEmpty {
            return events.map { event in
                [
                    event.child("eventtype")?.attribute("value") ?? event.child("eventtype")?.text, event.child("eventdatetime")?.text,
                    event.child("agent")?.text, event.child("eventdescription")?.text,
                ]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " | ")
            }.joined(separator: "\n")
        }
        if let changes = header?.child("revisiondesc")?.children("change"), !changes.isEmpty {
            return changes.map(\.text).joined(separator: "\n")
        }
        return nil
    }
}

extension String {
    /// The string, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
