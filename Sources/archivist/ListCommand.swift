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
            let documents = try global.run { try catalog.documents() }
            if global.json {
                Output.printJSON(documents)
                return
            }
            if documents.isEmpty {
                print("The catalog is empty; run `archivist ingest` first.")
                return
            }
            let width = min(40, documents.map(\.id.count).max() ?? 0)
            for document in documents {
                let id = document.id.padding(toLength: max(width, document.id.count), withPad: " ", startingAt: 0)
                let date = (document.date ?? "").padding(toLength: 10, withPad: " ", startingAt: 0)
                print("\(id)  \(date)  v\(document.versions)  \(document.title)")
            }
            print("\(documents.count) documents, \(documents.reduce(0) { $0 + $1.versions }) versions")
        }
    }
}
