import ArchivistKit
import ArgumentParser

extension Archivist {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Show a document's versions and its provenance events.",
            discussion: "--json prints {document, versions, events}; each event carries its hash and the previous event's hash.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The document id.")
        var id: String

        func run() throws {
            let catalog = try global.openCatalog()
            let (detail, events) = try global.run { (try catalog.document(id), try catalog.events(about: id)) }
            if global.json {
                Output.printJSON(HistoryOutput(document: detail.id, versions: detail.versions, events: events))
                return
            }
            print("\(detail.id): \(detail.versions.count) version(s), first catalogued \(detail.createdAt)")
            for version in detail.versions {
                let parent = version.parent.map { " (after v\($0))" } ?? ""
                print(
                    "  v\(version.number)\(parent)  \(version.ingestedAt)  \(version.sha256.prefix(16))…  \(version.size) bytes  \(version.sourcePath)  [\(version.importer)/\(version.importerVersion)]"
                )
            }
            print("Events:")
            for event in events {
                let detailText = event.detail.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                print("  #\(event.seq)  \(event.occurredAt)  \(event.type.rawValue) (\(event.outcome.rawValue))  \(detailText)")
            }
        }
    }
}

/// `history --json` output (schemas/json/history.schema.json).
struct HistoryOutput: Encodable {
    var document: String
    var versions: [VersionInfo]
    var events: [ProvenanceEvent]
}
