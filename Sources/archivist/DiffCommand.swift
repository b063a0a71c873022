import ArchivistKit
import ArgumentParser

extension Archivist {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Show the line differences between the texts of two versions of a document.",
            discussion: "Without version numbers, compares the last two versions; with one, that version and the latest.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The document id.")
        var id: String

        @Argument(help: "The older version number.")
        var from: Int?

        @Argument(help: "The newer version number.")
        var to: Int?

        func run() throws {
            let catalog = try global.openCatalog()
            let result: TextDiff = try global.run {
                let detail = try catalog.document(id)
                let latest = detail.versions.count
                let a = from ?? latest - 1
                let b = to ?? latest
                guard a >= 1 else {
                    throw ArchivistError(
                        code: "single-version",
                        message:
                            "\(id) has only one version; there is nothing to compare. Give two version numbers of a document with several (see `archivist history`)."
                    )
                }
                let older = try catalog.text(of: id, version: a)
                let newer = try catalog.text(of: id, version: b)
                return TextDiff(document: id, from: older.version, to: newer.version, old: older.body, new: newer.body)
            }
            if global.json {
                Output.printJSON(result)
                return
            }
            print("--- \(id) v\(result.from)")
            print("+++ \(id) v\(result.to)")
            for line in result.lines where line.op != " " || global.verbose {
                print("\(line.op) \(line.text)")
            }
            print("\(result.added) lines added, \(result.removed) removed")
        }
    }
}
