import ArgumentParser
import ArchivistKit
import Foundation

extension Archivist {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a version's original bytes, exactly as ingested.",
            discussion: "Writes to standard output unless -o is given. The bytes are checked against their SHA-256 before they are written; --json writes the file and prints {document, version, sha256, size, output}.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "The version to export (default: the latest).")
        var version: Int?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Argument(help: "The document id.")
        var id: String

        func validate() throws {
            if global.json && output == nil {
                throw ValidationError("--json needs -o FILE: standard output carries the JSON.")
            }
        }

        func run() throws {
            let catalog = try global.openCatalog()
            let original = try global.run { () throws -> (version: Int, sha256: String, bytes: Data) in
                let original = try catalog.original(of: id, version: version)
                guard SHA256Digest.hex(original.bytes) == original.sha256 else {
                    throw ArchivistError(
                        code: "fixity-mismatch",
                        message: "the stored original of \(id) version \(original.version) no longer matches its SHA-256 \(original.sha256); it was not exported. Run `archivist audit`.")
                }
                if let output {
                    do {
                        try original.bytes.write(to: URL(fileURLWithPath: output), options: .atomic)
                    } catch {
                        throw ArchivistError(code: "write-failed", message: "cannot write \(output): \(error.localizedDescription).", path: output)
                    }
                }
                return original
            }
            if global.json {
                Output.printJSON(ExportOutput(document: id, version: original.version, sha256: original.sha256, size: original.bytes.count, output: output ?? "-"))
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
