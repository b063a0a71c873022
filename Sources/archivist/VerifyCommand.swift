import ArchivistKit
import ArgumentParser

extension Archivist {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Cross-check the dated claims of the catalogued documents: conflicting accounts, and which claims are supported.",
            discussion: """
                Every sentence that names an event (a departure, crash, meeting, telegram, decree, \
                incorporation, invasion ...) is a claim, with its date (and the date's role: when it \
                happened, or was reported, received, written), places and their roles, counts and \
                participants. Claims are extracted once per version, by the first verify after its ingest \
                (a progress bar on a terminal) or by `ingest --claims`, and kept in the claims cache beside \
                the catalog (<catalog>-claims; derived data, safe to delete). Names and places are normalised through data files: aliases.tsv \
                (spellings and transliterations), gazetteer.tsv (places, their hierarchy and coordinates) and \
                events.tsv (event words, cues); files of those names beside the catalog extend them. \
                Claims of the latest versions are matched into events (same type, shared participants or \
                subject, dates within the type's window) and compared: a date conflict (the dates cannot \
                both be true at their precision; a sent and a received date differing is a role-mismatch), \
                a place conflict (places that cannot both be right; the same area at different precision is \
                listed as compatible), a count conflict (different numbers of the same thing). Each claim is \
                supported (another document agrees), contradicted (it is in a conflict) or unverified, with \
                its evidence. Exit status 1 when a conflict is found.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("Report only this document's claims and the conflicts it is a side of.", valueName: "id"))
        var document: String?

        @Flag(help: "Extract every version's claims again (after editing the data files, claims are re-extracted anyway).")
        var rebuild = false

        func run() throws {
            let catalog = try global.openCatalog()
            let progress = Progress(enabled: !global.quiet)
            let (report, extracted) = try global.run {
                try Verifier.run(catalog: catalog, document: document, rebuild: rebuild) { done, total in
                    if total >= 20 { progress.update(done: done, total: total, item: "extracting claims") }
                }
            }
            progress.finish()
            if extracted > 0 && !global.quiet { global.logger("archivist.verify").notice("claims of \(extracted) version(s) extracted") }
            if global.json {
                Output.printJSON(report, compact: true)
            } else {
                if !global.quiet || !report.passed { render(report) }
            }
            if !report.passed { throw ExitCode(1) }
        }

        private func render(_ report: VerifyReport) {
            let shown = report.conflicts.filter { $0.severity == "conflict" || !global.quiet }
            var event = 0
            for conflict in shown {
                if conflict.eventID != event {
                    event = conflict.eventID
                    print("Event \(event): \(conflict.event.components(separatedBy: " — ")[0])")
                }
                let label = conflict.severity == "conflict" ? "CONFLICT" : conflict.severity == "role-mismatch" ? "role mismatch" : "compatible"
                let what = conflict.event.components(separatedBy: " — ").dropFirst().first.map { ": \($0)" } ?? ""
                print("\(label) (\(conflict.kind)\(what))")
                print("  \(conflict.reason)")
                for side in conflict.claims {
                    print("  - \(side.value) [\(side.role)] in \(side.document) v\(side.version) (\(side.sourceKind), \(side.source))")
                    print("    \"\(side.text)\"")
                    if let citation = side.citation { print("    cited as: \(citation)") }
                }
                print("")
            }
            if !global.quiet {
                for status in ["supported", "contradicted", "unverified"] {
                    let all = report.claims.filter { $0.status == status }
                    // A record's own title is a claim (its event on its date), but listing it says nothing new.
                    let claims = all.filter { !$0.claim.inherited.contains("document date") }
                    guard !claims.isEmpty else { continue }
                    let titles = all.count - claims.count
                    let unlisted = titles > 0 ? ", and \(titles) from records' titles or undated record sentences, not listed" : ""
                    print("\(status.capitalized) claims (\(claims.count)\(unlisted)):")
                    for claim in claims {
                        print("  [\(claim.document)] \(claim.text)")
                        for evidence in claim.evidence.prefix(3) { print("      \(evidence.relation): [\(evidence.document)] \(evidence.text)") }
                        if claim.evidence.isEmpty { print("      \(claim.reason)") }
                    }
                    print("")
                }
            }
            let s = report.summary
            print(
                "\(s.claims) claims in \(s.documents) documents: \(s.supported) supported, \(s.contradicted) contradicted, \(s.unverified) unverified; \(s.conflicts) conflict(s), \(s.roleMismatches) role mismatch(es), \(s.compatible) compatible difference(s)."
            )
        }
    }
}
