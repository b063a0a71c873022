import ArchivistKit
import ArgumentParser
import Foundation

extension TextEncoding: ExpressibleByArgument {}

extension Archivist {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ingest",
            abstract: "Ingest files and folders into the catalog.",
            discussion: """
                Folders are read recursively; hidden files are skipped and symbolic links refused. The \
                format is detected from the content: Wilson Center Digital Archive records (PDF export or \
                web page), XML (TEI and teiCorpus, FRUS volumes, EAD 2002 and EAD3 finding aids with their \
                components, OAI-PMH ListRecords/GetRecord, MODS; other XML as generic documents with a \
                warning), plain text (a file named .xml that is not XML is refused, never read as text). XML \
                declaring entities is refused, and no DTD, XInclude or URL is \
                ever loaded. A multi-record file gives one document per record; an OAI-PMH record marked \
                deleted is logged as a deletion and removes nothing. Each file is stored in \
                its own transaction and ends as new, new-version, unchanged or failed (with the reason); \
                XML repeating the bytes of a file earlier in the same ingest is not read again and is \
                unchanged, with that file's documents (when those are known by their records' identifiers); \
                the search index takes the new versions in batches, every 256 files or 4,096 versions, and at the end. \
                A Wilson Center record's identity is wcda:<record id>; TEI tei:<idno>, EAD ead:<eadid or \
                recordid>[#component], MODS mods:<recordIdentifier>, OAI-PMH its header identifier; any \
                other file's is its path relative to the folder given. Exit status 1 when any file failed; every other file is \
                still ingested.
                A BagIt bag (a folder holding bagit.txt, given or found inside a folder) is validated first, \
                as by `archivist bag validate`. An invalid bag is not ingested at all and counts as one \
                failed entry naming its problems. A valid bag's payload files are ingested like any others, \
                each cross-checked against the bag's digests; its bag-info.txt is kept in the documents' \
                fields (bag-info.<Label>) and its manifest digests are logged as fixity-check events.
                The claims the verifier reads are extracted from new versions by the next `archivist verify` \
                (or now, with --claims).
                """)

        @OptionGroup var global: GlobalOptions

        @Option(
            help: ArgumentHelp(
                "How to decode text: auto (UTF-8, or UTF-16 with a byte-order mark), utf-8, windows-1251, windows-1252, iso-8859-1.",
                valueName: "name"))
        var encoding: TextEncoding = .automatic

        @Flag(
            name: .customLong("validate"),
            help:
                "Check XML files against a schema (--schema, else the dialect's shipped one) and log a validation event; an invalid file is still ingested, with a warning."
        )
        var validateXML = false

        @Option(help: ArgumentHelp("The schema for --validate: .xsd or .rng.", valueName: "path"))
        var schema: String?

        @Flag(
            help:
                "Also extract each new version's claims now, into the claims cache beside the catalog, instead of at the next `archivist verify` (the result is the same; ingest is about 5x slower)."
        )
        var claims = false

        @Flag(help: .hidden)
        var deferClaims = false

        @Option(help: ArgumentHelp("The largest XML file parsed, in bytes (default 268435456, 256 MiB).", valueName: "bytes"))
        var xmlMaxBytes: Int?

        @Argument(help: ArgumentHelp("Files or folders to ingest.", valueName: "path"))
        var paths: [String] = ["ingest"]

        func validate() throws {
            if claims && deferClaims { throw ValidationError("--claims and --defer-claims contradict each other; --defer-claims is the default.") }
            if schema != nil && !validateXML { throw ValidationError("--schema is used with --validate.") }
            if let schema, !FileManager.default.fileExists(atPath: schema) { throw ValidationError("the schema \(schema) does not exist.") }
            if let xmlMaxBytes, xmlMaxBytes < 1 { throw ValidationError("--xml-max-bytes must be positive.") }
            if paths == ["ingest"] && !FileManager.default.fileExists(atPath: "ingest") {
                throw ValidationError(
                    "there is no ingest/ folder here; give the files or folders to ingest, or run from the folder that holds ingest/.")
            }
        }

        func run() throws {
            let catalog = try global.openCatalog(create: true)
            let progress = Progress(enabled: !global.quiet)
            var options = IngestOptions(encoding: encoding)
            options.validateXML = validateXML
            options.xmlSchema = schema
            options.extractClaims = claims && !deferClaims
            if let xmlMaxBytes { options.xmlLimits.maximumBytes = xmlMaxBytes }
            let ingester = Ingester(catalog: catalog, options: options, logger: global.logger("archivist.ingest"))
            let report = ingester.ingest(paths) { done, total, path in
                if total >= 20 { progress.update(done: done, total: total, item: path) }
            }
            progress.finish()
            for bag in report.bags where !global.quiet {
                for warning in bag.warnings {
                    FileHandle.standardError.write(Data("archivist: warning: \(bag.bag): \(warning.code): \(warning.message)\n".utf8))
                }
            }
            if global.json {
                Output.printJSON(IngestOutput(catalog: catalog.path, summary: report.summary, files: report.files, bags: report.bags))
            } else if !global.quiet {
                printHuman(report)
            }
            for file in report.files where file.status == .failed {
                if global.quiet || global.json { Output.printError(file.error?.message ?? file.path) }
            }
            if report.summary.failed > 0 { throw ExitCode(1) }
        }

        func printHuman(_ report: IngestReport) {
            for bag in report.bags {
                let state = bag.valid ? "valid" : "INVALID (\(bag.errors.count) errors, not ingested)"
                print("bag          \(bag.bag): BagIt \(bag.version ?? "?"), \(bag.payloadFiles) payload files, \(state)")
            }
            for file in report.files where file.status != .unchanged || global.verbose {
                switch file.status {
                case .failed:
                    print("failed       \(file.path): \(file.error?.message ?? "")")
                default:
                    let named = file.documents.map { $0.status == .deletedAtSource ? "\($0.id) (deleted at source)" : "\($0.id) v\($0.version)" }
                    let docs =
                        named.count > 6 ? named.prefix(5).joined(separator: ", ") + " and \(named.count - 5) more" : named.joined(separator: ", ")
                    print("\(file.status.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(file.path) -> \(docs)")
                    for warning in file.warnings where global.verbose {
                        print("             warning \(warning.code): \(warning.message)")
                    }
                }
            }
            let s = report.summary
            let warned = report.files.filter { !$0.warnings.isEmpty && $0.status != .unchanged }.count
            print(
                "\(s.files) files: \(s.new) new, \(s.newVersion) new versions, \(s.unchanged) unchanged, \(s.failed) failed"
                    + (warned > 0 ? " (\(warned) with import warnings; see `archivist show ID`)" : "")
                    + " — catalog \(global.catalogPath)")
        }
    }
}

/// `ingest --json` output (schemas/json/ingest.schema.json).
struct IngestOutput: Encodable {
    var catalog: String
    var summary: IngestReport.Summary
    var files: [FileResult]
    var bags: [BagValidationReport]
}
