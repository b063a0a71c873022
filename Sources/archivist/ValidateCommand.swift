import ArchivistKit
import ArgumentParser
import Foundation

extension Archivist {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check an XML file against an XSD or RELAX NG schema with libxml2, offline.",
            discussion: """
                The file is parsed as for ingest (entity declarations refused, no DTD, XInclude or network). \
                Without --schema the dialect's shipped schema is used: schemas/xml/ead3.xsd for EAD3; \
                other dialects need --schema (a .rng file is read as RELAX NG, anything else as XSD). \
                Schemas are read from local files only; imports over the network are refused. \
                `ingest --validate` does the same for every XML file ingested and logs a validation event.
                Exit status: 0 valid, 1 invalid or refused, 64 no schema for the dialect or a missing schema file.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The schema: .xsd (XML Schema) or .rng (RELAX NG).", valueName: "path"))
        var schema: String?

        @Argument(help: ArgumentHelp("The XML file.", valueName: "file"))
        var file: String

        func run() throws {
            LoggingBootstrap.once()
            let report = try global.run { try XMLSchemas.validate(file: file, schema: schema) }
            if global.json {
                Output.printJSON(report)
            } else if !global.quiet || !report.isValid {
                switch report.result {
                case "valid": print("\(file): valid \(report.dialect) against \(report.schema ?? "?")")
                case "no-schema": print("\(file): \(report.dialect); no schema is shipped for it; give one with --schema")
                case "schema-unreadable": print("\(file): the schema \(report.schema ?? "?") could not be read")
                default: print("\(file): INVALID \(report.dialect) against \(report.schema ?? "?"): \(report.errors) error(s)")
                }
                for message in report.messages { print("  \(message)") }
            }
            switch report.result {
            case "valid": return
            case "no-schema": throw ExitCode(64)
            default: throw ExitCode(1)
            }
        }
    }
}
