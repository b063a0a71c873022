import ArchivistKit
import ArgumentParser

/// The `archivist` command: ingest archival documents into a catalog and check them.
@main
struct Archivist: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archivist",
        abstract: "Catalog archival documents with checksums, version history and a tamper-evident provenance log.",
        discussion: """
            Drop files into ingest/ and run `archivist ingest`. The catalog (catalog.sqlite, or --catalog / \
            ARCHIVIST_CATALOG) keeps the exact original bytes, every version and a hash-chained log of \
            everything done. Every command prints human text, or JSON with --json (schemas in schemas/json/).
            Exit status: 0 success, 1 findings or failed files, 64 usage errors.
            """,
        version: Agent.version,
        subcommands: [
            Ingest.self, List.self, Show.self, History.self, Diff.self, Search.self, Audit.self, Export.self, Bag.self, Validate.self, Inspect.self,
            Cite.self, Dates.self, Verify.self,
        ]
    )

    /// Tunes the allocator (see ``Allocator``), then parses and runs the command.
    static func main() async {
        Allocator.tune()
        await main(nil)
    }
}
