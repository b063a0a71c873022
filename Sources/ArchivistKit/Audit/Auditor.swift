import Crypto
import Foundation
import Logging

/// Re-checks a catalog: every original against its SHA-256, the provenance log's hash chain, and
/// SQLite's own integrity checks. Records the audit as a fixity-check event.
public struct Auditor: Sendable {
    let catalog: Catalog
    let logger: Logger

    /// Creates an auditor for `catalog`.
    public init(catalog: Catalog, logger: Logger = Logger(label: "archivist.audit")) {
        self.catalog = catalog
        self.logger = logger
    }

    /// Runs every check and records the outcome in the log.
    ///
    /// The three checks run at once, each on a thread of its own and in its own read transaction
    /// (on two cores the audit then takes about half their sum); each is consistent in itself. The
    /// citation audit, which follows, reads a page of documents at a time: a document ingested while
    /// it runs may or may not be among those it checks.
    /// - Parameters:
    ///   - record: false to leave the audit out of the log (by default it is a `fixity check` event).
    ///   - citations: false to check the catalog only (fixity, log, SQLite), skipping the
    ///     citation audit, which reads every text.
    public func run(record: Bool = true, citations: Bool = true) throws -> AuditReport {
        let fixityCheck = inBackground { try checkFixity() }
        let logCheck = inBackground { try checkLog() }
        let integrityMessages = try catalog.integrityProblems()
        let citationAudit = citations ? try CitationAuditor(catalog: catalog).run() : CitationAuditor.Result(findings: [], citations: [], quotes: [])
        fixityCheck.group.wait()
        logCheck.group.wait()
        let fixity = try fixityCheck.outcome.get()
        let log = try logCheck.outcome.get()
        let integrity = AuditReport.Integrity(ok: integrityMessages.isEmpty, messages: integrityMessages)
        var findings = fixity.failures + log.problems
        findings += integrityMessages.map {
            AuditFinding(
                code: "integrity", severity: "error", message: "SQLite integrity check: \($0). Restore the catalog from a backup.")
        }
        findings += citationAudit.findings
        findings += citationAudit.citations.filter { $0.status != "resolved" }.map { citation in
            AuditFinding(
                code: "citation-\(citation.status)", severity: "warning", document: citation.document,
                message:
                    "\(citation.source) cites \(citation.citation.debugDescription), which \(citation.status == "unresolved" ? "matches no catalogued document; ingest the cited document or correct the citation" : "lacks \(citation.problems.joined(separator: ", "))")."
            )
        }
        findings += citationAudit.quotes.filter { $0.status != "found" }.map { quote in
            AuditFinding(
                code: "quote-\(quote.status)", severity: "warning", document: quote.document, expected: quote.quote, found: quote.found,
                message: quote.status == "approximate"
                    ? "\(quote.source) quotes \(quote.quote.debugDescription), which \(quote.target ?? "its source") has only approximately; compare the words."
                    : "\(quote.source) quotes \(quote.quote.debugDescription), which no catalogued source \(quote.target == nil ? "" : "cited ")contains."
            )
        }
        var report = AuditReport(fixity: fixity, log: log, integrity: integrity, findings: findings)
        report.citations = citationAudit.citations
        report.quotes = citationAudit.quotes
        if record {
            let event = try catalog.record(
                .fixityCheck, outcome: findings.isEmpty ? .success : .failure,
                detail: [
                    "originals": String(fixity.checked), "bytes": String(fixity.bytes), "events": String(log.events),
                    "findings": String(findings.count), "log_intact": String(log.intact),
                    "codes": Set(findings.map(\.code)).sorted().joined(separator: ","),
                ])
            report.event = event.seq
        }
        return report
    }

    func checkFixity() throws -> AuditReport.Fixity {
        var checked = 0
        var bytes = 0
        var failures: [AuditFinding] = []
        var bad: [(sha: String, found: String, size: Int, foundSize: Int)] = []
        try catalog.forEachOriginal { sha, size, content in
            checked += 1
            bytes += content.count
            let found = SHA256Digest.hex(content)
            if found != sha || size != content.count { bad.append((sha, found, size, content.count)) }
        }
        for item in bad {
            let users = try catalog.versions(using: item.sha)
            let targets: [Catalog.VersionRef?] = users.isEmpty ? [nil] : users
            for user in targets {
                let digestChanged = item.found != item.sha
                failures.append(
                    AuditFinding(
                        code: digestChanged ? "fixity-mismatch" : "size-mismatch", severity: "error", document: user?.document,
                        version: user?.version, expected: digestChanged ? item.sha : String(item.size),
                        found: digestChanged ? item.found : String(item.foundSize),
                        message:
                            "the stored original of \(user.map { "\($0.document) version \($0.version)" } ?? "an unreferenced original") no longer matches its \(digestChanged ? "SHA-256" : "size"); the bytes were altered. Restore the catalog from a backup or re-ingest the file from a trusted copy."
                    ))
            }
        }
        for missing in try catalog.versionsWithoutOriginal() {
            failures.append(
                AuditFinding(
                    code: "original-missing", severity: "error", document: missing.document, version: missing.version,
                    message: "\(missing.document) version \(missing.version) has no stored original; restore the catalog from a backup."))
        }
        logger.debug("fixity checked", metadata: ["originals": "\(checked)", "bytes": "\(bytes)"])
        return AuditReport.Fixity(checked: checked, bytes: bytes, failures: failures)
    }

    func checkLog() throws -> AuditReport.Log {
        var count = 0
        var expectedSeq: Int64 = 1
        var previousHash = ProvenanceEvent.genesisHash
        var problems: [AuditFinding] = []
        try catalog.forEachChainLink { event in
            count += 1
            if event.seq != expectedSeq {
                problems.append(
                    AuditFinding(
                        code: "event-sequence-gap", severity: "error", event: event.seq, expected: String(expectedSeq),
                        found: String(event.seq),
                        message:
                            "provenance events \(expectedSeq) to \(event.seq - 1) are missing: the log was cut. Restore the catalog from a backup."))
            }
            if event.previousHash != previousHash {
                problems.append(
                    AuditFinding(
                        code: "event-chain-broken", severity: "error", document: event.documentID, event: event.seq,
                        expected: previousHash, found: event.previousHash,
                        message: "event \(event.seq) does not follow the event before it: an event was inserted, deleted or altered before it."))
            }
            if event.recomputedHash != event.hash {
                problems.append(
                    AuditFinding(
                        code: "event-hash-mismatch", severity: "error", document: event.documentID, event: event.seq,
                        expected: event.hash, found: event.recomputedHash,
                        message: "event \(event.seq) (\(event.type)) was edited after it was written: its content no longer gives its hash."))
            }
            expectedSeq = event.seq + 1
            previousHash = event.hash
        }
        for version in try catalog.versionsWithoutIngestionEvent() {
            problems.append(
                AuditFinding(
                    code: "version-unlogged", severity: "error", document: version.document, version: version.version,
                    message: "\(version.document) version \(version.version) has no ingestion event: its event was deleted from the log."))
        }
        let first = problems.compactMap(\.event).min()
        return AuditReport.Log(events: count, intact: problems.isEmpty, firstBadEvent: first, head: previousHash, problems: problems)
    }
}
