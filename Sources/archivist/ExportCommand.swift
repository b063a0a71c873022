import ArchivistKit
import ArgumentParser
import Foundation

extension Archivist {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a version's original bytes exactly as ingested, or documents as a BagIt bag.",
            discussion: """
                `export ID` writes one version's original to standard output unless -o is given. The bytes \
                are checked against their SHA-256 before they are written; --json writes the file and prints \
                {document, version, sha256, size, output}.
                `export --bag DIR [ID ...]` writes a new BagIt 1.0 bag with every version's original of the \
                documents given (all documents when none is given) under data/, sha256 and sha512 manifests \
                and tag manifests, bag-info.txt (Payload-Oxum, Bagging-Date), and archivist/documents.json \
                (the catalog's metadata) and archivist/provenance.json (the provenance events of the \
                exported documents). DIR must not exist; the bag is renamed into place only when complete.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "The version to export (default: the latest).")
        var version: Int?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Write the documents as a BagIt bag in this new folder.", valueName: "dir"))
        var bag: String?

        @Argument(help: "The document id (with --bag: any number of ids, or none for every document).")
        var ids: [String] = []

        var id: String { ids[0] }

        func validate() throws {
            if bag != nil {
                if version != nil || output != nil { throw ValidationError("--bag exports every version; it takes neither --version nor -o.") }
                return
            }
            if ids.count != 1 { throw ValidationError("give exactly one document id (or use --bag DIR for several).") }
            if global.json && output == nil {
                throw ValidationError("--json needs -o FILE: standard output carries the JSON.")
            }
        }

        func run() throws {
            let catalog = try global.openCatalog()
            if let bag {
                let report = try global.run { try BagWriter(catalog: catalog).export(ids, to: bag) }
                if global.json {
                    Output.printJSON(report)
                } else if !global.quiet {
                    print(
                        "wrote the bag \(bag): \(report.documents) documents, \(report.payload.count) originals, Payload-Oxum \(report.payloadOxum)")
                }
                return
            }
            let original = try global.run { () throws -> (version: Int, sha256: String, bytes: Data) in
                // The library checks the bytes against their SHA-256 before giving them back.
                let original = try catalog.original(of: id, version: version)
                if let output {
                    do {
                        try original.bytes.write(to: URL(fileURLWithPath: output), options: .atomic)
                    } catch {
                        let folder = (output as NSString).deletingLastPathComponent
                        let reason =
                            !folder.isEmpty && !FileManager.default.fileExists(atPath: folder)
                            ? "the folder \(folder) does not exist; create it or choose another -o path"
                            : error.localizedDescription.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
                        throw ArchivistError(code: "write-failed", message: "cannot write \(output): \(reason).", path: output)
                    }
                }
                return original
            }
            if global.json {
                Output.printJSON(
                    ExportOutput(document: id, version: original.version, sha256: original.sha256, size: original.bytes.count, output: output ?? "-"))
            } else if output == nil {
                FileHandle.standardOutput.write(original.bytes)
            } else if !global.quiet {
                print("wrote \(id) v\(original.version) (\(original.bytes.count) bytes, sha256 \(original.sha256)) to \(output!)")
            }
        }
    }
}

/// `export --json` output (schemas/json/export.schema.json).
struct ExportOutput: Encodable {
    var document: String
    var version: Int
    var sha256: String
    var size: Int
    var output: String
}
