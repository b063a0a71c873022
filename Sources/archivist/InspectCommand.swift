import ArchivistKit
import ArgumentParser
import Foundation

extension Archivist {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inspect",
            abstract: "Show what files hold, read as ingest would, without a catalog: nothing is stored or logged.",
            discussion: """
                Each file is read, hashed, decoded, detected and imported exactly as `ingest` does, and its \
                documents are listed (identity, title, date, reference, translator, warnings), or the reason \
                it would be refused. A bag's payload files are read without validating the bag. \
                With --quiet, only the files that would be refused are named, on standard error. \
                Exit status 1 when any file would be refused.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("How to decode text (as for ingest).", valueName: "name"))
        var encoding: TextEncoding = .automatic

        @Argument(help: ArgumentHelp("Files or folders.", valueName: "path"))
        var paths: [String]

        func run() throws {
            LoggingBootstrap.once()
            // JSON is written a file at a time, so a large folder's listing is never held in memory.
            var json = Output.ArrayPrinter()
            var refused = false
            // --quiet prints only refusals, so the documents' summaries are not made.
            Ingester.inspect(paths, options: IngestOptions(encoding: encoding), summaries: global.json || !global.quiet) { file in
                refused = refused || file.error != nil
                if global.json {
                    json.append(file)
                } else if !global.quiet {
                    printHuman(file)
                } else if let error = file.error {
                    // Messages name their file; one that does not is prefixed with it.
                    Output.printError(error.message.contains(file.path) ? error.message : "\(file.path): \(error.message)")
                }
            }
            if global.json { json.finish() }
            if refused { throw ExitCode(1) }
        }

        func printHuman(_ file: InspectedFile) {
            if let error = file.error {
                print("refused  \(file.path): \(error.message)")
                return
            }
            print("\(file.format ?? "?")  \(file.path): \(file.documents.count) document(s)")
            for document in file.documents.prefix(global.verbose ? Int.max : 10) {
                let identity = document.identity ?? "(identity from the path)"
                let date = document.date.map { " [\($0)]" } ?? ""
                print("    \(identity)\(date)  \(document.title)\(document.deletedAtSource ? "  (deleted at source)" : "")")
                for warning in document.warnings { print("        warning \(warning.code): \(warning.message)") }
            }
            if file.documents.count > 10 && !global.verbose { print("    ... and \(file.documents.count - 10) more (--verbose lists all)") }
        }
    }
}
