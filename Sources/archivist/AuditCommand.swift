import ArchivistKit
import ArgumentParser

extension Archivist {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Re-check the catalog: fixity of every original, the provenance log's hash chain, SQLite integrity.",
            discussion: """
                Every stored original is re-hashed with SHA-256; every event's hash and link to the \
                previous event are recomputed; SQLite's integrity and foreign-key checks run. Every \
                problem is reported (document, version, expected, found). The citation audit checks that \
                archival documents have a title, date, archival reference and (for translations) a \
                translator; resolves citations in secondary texts (archive URLs, archival references, \
                quoted-title citations) to catalogued documents; and looks every quotation of three words \
                or more up in the source it cites, or in every source: found, approximate or not found \
                (--json: citations[] and quotes[]). Citation findings are warnings. The audit is itself recorded \
                as a fixity-check event. The log's head hash is printed: keep it outside the catalog to \
                detect a log cut after it. Exit status 1 when anything is wrong.
                """)

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Check the catalog only (fixity, log chain, SQLite), not the citations and quotations.")
        var noCitations = false

        func run() throws {
            let catalog = try global.openCatalog()
            let report = try global.run { try Auditor(catalog: catalog, logger: global.logger("archivist.audit")).run(citations: !noCitations) }
            if global.json {
                Output.printJSON(report)
            } else if !global.quiet || !report.passed {
                print("Fixity: \(report.fixity.checked) originals re-hashed (\(report.fixity.bytes) bytes), \(report.fixity.failures.count) failures")
                print(
                    "Log:    \(report.log.events) events, chain \(report.log.intact ? "intact" : "BROKEN at event \(report.log.firstBadEvent.map(String.init) ?? "?")"), head \(report.log.head)"
                )
                print("SQLite: \(report.integrity.ok ? "integrity check ok" : "integrity check FAILED")")
                for finding in report.findings {
                    var location = [String]()
                    if let document = finding.document { location.append(document) }
                    if let version = finding.version { location.append("v\(version)") }
                    if let event = finding.event { location.append("event \(event)") }
                    print("  \(finding.code) [\(location.joined(separator: " "))]: \(finding.message)")
                    if let expected = finding.expected { print("      expected \(expected)") }
                    if let found = finding.found { print("      found    \(found)") }
                }
                let citationNotes = report.quotes.count + report.citations.count
                if citationNotes > 0 {
                    let found = report.quotes.filter { $0.status == "found" }.count
                    let resolved = report.citations.filter { $0.status == "resolved" }.count
                    print(
                        "Citations: \(resolved) of \(report.citations.count) resolved; quotations: \(found) of \(report.quotes.count) found in their sources"
                    )
                }
                if report.passed {
                    print("Audit passed.")
                } else if report.intact {
                    print("Catalog intact; \(report.findings.count) citation finding(s) above.")
                } else {
                    print(
                        "Audit FAILED: \(report.findings.filter { $0.severity == "error" }.count) catalog problem(s), \(report.findings.filter { $0.severity != "error" }.count) citation finding(s)."
                    )
                }
            }
            if !report.passed { throw ExitCode(1) }
        }
    }
}
