extension Verifier {
    /// Verifies a catalog: reads the data files (shipped, and those beside the catalog), brings the
    /// stored claims up to date (re-extracting stale ones, or all with `rebuild`), matches and
    /// compares the claims of every document's latest version, and fills in each conflict side's
    /// citation. With `document`, reports that document's claims and the conflicts it is a side of.
    ///
    /// `progress` is told (versions extracted, versions to extract) as claims are extracted, one
    /// call at a time, from any thread.
    ///
    /// - Returns: the report, and how many versions' claims were extracted on the way.
    /// - Throws: ``ArchivistError`` `unknown-document`, `data-file-invalid`, or a catalog error.
    public static func run(
        catalog: Catalog, document: String? = nil, rebuild: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> (report: VerifyReport, extracted: Int) {
        if let document { _ = try catalog.document(document) }
        let lexicon = try VerifyLexicon.load(extraFolder: catalog.folder)
        let (claims, extracted) = try catalog.claimsForVerification(
            extractor: ClaimExtractor(lexicon: lexicon), rebuild: rebuild, progress: progress)
        var report = Verifier(lexicon: lexicon).verify(claims, focus: document)
        let citations = try catalog.citationLines(for: Set(report.conflicts.flatMap { $0.claims.map(\.document) }))
        for c in report.conflicts.indices {
            for s in report.conflicts[c].claims.indices {
                report.conflicts[c].claims[s].citation = citations[report.conflicts[c].claims[s].document]
            }
        }
        return (report, extracted)
    }
}
