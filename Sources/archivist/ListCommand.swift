import ArchivistKit
import ArgumentParser

extension Archivist {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List catalogued documents with their latest title, date, versions and source paths.",
            discussion: "--json prints an array of {id, title, date, versions, sources}.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let catalog = try global.openCatalog()
            // Documents are printed as they are read: a catalog of finding aids lists hundreds of thousands.
            if global.json {
                var json = Output.ArrayPrinter()
                try global.run { try catalog.forEachDocument { json.append($0) } }
                json.finish()
                return
            }
            let width = min(40, try global.run { try catalog.longestDocumentID() })
            var documents = 0
            var versions = 0
            try global.run {
                try catalog.forEachDocument { document in
                    let id = document.id.padding(toLength: max(width, document.id.count), withPad: " ", startingAt: 0)
                    let date = (document.date ?? "").padding(toLength: 10, withPad: " ", startingAt: 0)
                    print("\(id)  \(date)  v\(document.versions)  \(document.title)")
                    documents += 1
                    versions += document.versions
                }
            }
            if documents == 0 {
                print("The catalog is empty; run `archivist ingest` first.")
                return
            }
            print("\(documents) documents, \(versions) versions")
        }
    }
}
