import ArchivistKit
import ArgumentParser

extension Archivist {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Search titles and texts of every version (SQLite FTS5 query syntax).",
            discussion:
                "Examples: `archivist search Xinjiang`, `archivist search '\"national movement\"'`, `archivist search 'Mao AND Mikoyan'`. A malformed query is an error (exit 64). Versions stored since the search index was last updated (an ingest updates it every 256 files or 4,096 versions, and when it ends) are indexed first."
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: "At most this many hits.")
        var limit = 20

        @Argument(help: "The query.")
        var query: String

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
        }

        func run() throws {
            let catalog = try global.openCatalog()
            let hits = try global.run { try catalog.search(query, limit: limit) }
            if global.json {
                Output.printJSON(hits)
                return
            }
            for hit in hits {
                print("\(hit.document) v\(hit.version)  \(hit.title)")
                print("    \(hit.snippet.split(whereSeparator: \.isNewline).joined(separator: " "))")
            }
            print("\(hits.count) hit(s)")
        }
    }
}
