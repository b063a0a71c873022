import ArchivistKit
import ArgumentParser

extension Archivist {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a document: its metadata, citation, warnings and text.",
            discussion: "Shows the latest version unless --version is given; --json prints the document with every version.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "The version to show (default: the latest).")
        var version: Int?

        @Argument(help: "The document id, as `archivist list` prints it.")
        var id: String

        func run() throws {
            let catalog = try global.openCatalog()
            // The catalog names an unknown document or version (exit 64) before anything is printed.
            let (detail, text) = try global.run { (try catalog.document(id), try catalog.text(of: id, version: version)) }
            if global.json {
                Output.printJSON(detail)
                return
            }
            let shown = detail.versions.first { $0.number == text.version }!
            print("\(detail.id)  (version \(shown.number) of \(detail.versions.count))")
            print("Title:      \(shown.title)")
            if let dateText = shown.dateText { print("Date:       \(dateText)  [\(shown.date ?? "?"), \(shown.datePrecision ?? "?") precision]") }
            if let recordID = shown.recordID { print("Record ID:  \(recordID)") }
            if let language = shown.originalLanguage { print("Language:   \(language)") }
            if let translator = shown.translator { print("Translator: \(translator)") }
            if let citation = shown.citation { print("Citation:   \(citation)") }
            if let source = shown.sourceLine { print("Source:     \(source)") }
            if let summary = shown.summary { print("Summary:    \(summary)") }
            print("Original:   \(shown.sourcePath), \(shown.size) bytes, \(shown.format), \(shown.encoding), sha256 \(shown.sha256)")
            print("Ingested:   \(shown.ingestedAt) by \(shown.importer)/\(shown.importerVersion)")
            for (name, value) in shown.fields.sorted(by: { $0.key < $1.key }) {
                print("\(name + ":" + String(repeating: " ", count: max(1, 12 - name.count - 1)))\(value.replacingOccurrences(of: "\n", with: "; "))")
            }
            for warning in shown.warnings { print("Warning:    \(warning.code): \(warning.message)") }
            print("")
            print(text.body)
        }
    }
}
