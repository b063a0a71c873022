import ArchivistKit
import ArgumentParser
import Foundation

extension Archivist {
    /// `archivist bag`: BagIt bags (RFC 8493).
    struct Bag: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bag",
            abstract: "Work with BagIt bags (RFC 8493): validate them. (`ingest BAG` and `export --bag DIR` take and make bags.)",
            subcommands: [Validate.self])
    }
}

extension Archivist.Bag {
    /// `archivist bag validate PATH`.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check a bag: its declaration, manifests, completeness, Payload-Oxum and every digest.",
            discussion: """
                Reads BagIt 0.93 to 1.0; tag files in UTF-8, UTF-16, ISO-8859-1 or Windows-1252; md5, sha1, \
                sha224, sha256, sha384 and sha512 manifests and tag manifests, all of them checked, each file \
                read once. Every problem is reported, each with a stable code: every missing, extra and \
                changed file with the expected and found digests. Paths that could leave the bag (.., /, ~, \
                control characters) are refused; fetch.txt is read but nothing is fetched, so a holey bag is \
                reported incomplete. Warnings (names differing only in case or Unicode normalisation, \
                system files, md5sum-style lines) go to standard error and leave the bag valid.
                Exit status: 0 valid, 1 invalid or incomplete, 64 usage (PATH is not a folder).
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "Files to read and digest at once (default: one per processor).")
        var jobs: Int?

        @Argument(help: ArgumentHelp("The bag's folder.", valueName: "path"))
        var path: String

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        }

        func run() throws {
            LoggingBootstrap.once()
            let validator = jobs.map { BagValidator(threads: $0) } ?? BagValidator()
            let report = try global.run { try validator.validate(path) }
            for warning in report.warnings where !global.quiet {
                FileHandle.standardError.write(Data("archivist: warning: \(warning.code): \(warning.message)\n".utf8))
            }
            if global.json {
                Output.printJSON(report)
            } else if !global.quiet || !report.valid {
                print(BagReportText.render(report))
            }
            if !report.valid { throw ExitCode(1) }
        }
    }
}

/// The human text of a bag validation.
enum BagReportText {
    static func render(_ report: BagValidationReport) -> String {
        var lines: [String] = []
        let manifests = (report.manifests.map { "manifest-\($0)" } + report.tagManifests.map { "tagmanifest-\($0)" }).joined(separator: ", ")
        lines.append(
            "Bag \(report.bag): BagIt \(report.version ?? "?"), \(report.encoding ?? "?") tag files, \(manifests.isEmpty ? "no manifests" : manifests)"
        )
        lines.append(
            "Payload: \(report.payloadFiles) files, \(report.payloadBytes) bytes; \(report.filesChecked) files digested (\(report.bytesChecked) bytes)"
        )
        for finding in report.errors {
            lines.append("  \(finding.code)\(finding.file.map { " [\($0)]" } ?? ""): \(finding.message)")
            let algorithm = finding.algorithm.map { "\($0) " } ?? ""
            if let expected = finding.expected { lines.append("      expected \(algorithm)\(expected)") }
            if let found = finding.found { lines.append("      found    \(algorithm)\(found)") }
        }
        if report.valid {
            lines.append("Valid\(report.warnings.isEmpty ? "" : " with \(report.warnings.count) warning(s) (on standard error)").")
        } else {
            lines.append("INVALID: \(report.errors.count) error(s)\(report.complete ? "" : "; the bag is incomplete (fetch.txt files absent)").")
        }
        return lines.joined(separator: "\n")
    }
}
