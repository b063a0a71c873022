import Foundation

/// One citation found in a text, and what it resolved to.
public struct CitationCheck: Sendable, Codable, Equatable {
    /// The catalog id of the text that cites.
    public var document: String
    /// Its source path as ingested.
    public var source: String
    /// The citation as written.
    public var citation: String
    /// `resolved`, `unresolved` or `incomplete`.
    public var status: String
    /// The catalog id it resolved to, or nil.
    public var target: String?
    /// What is missing or wrong.
    public var problems: [String]

    public func encode(to encoder: any Encoder) throws {
        // `target` is always present, null when unresolved.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        try container.encode(source, forKey: .source)
        try container.encode(citation, forKey: .citation)
        try container.encode(status, forKey: .status)
        try container.encode(target, forKey: .target)
        try container.encode(problems, forKey: .problems)
    }
}

/// One quotation found in a text, and whether the cited source (or the catalog) holds it.
public struct QuoteCheck: Sendable, Codable, Equatable {
    /// The catalog id of the text that quotes.
    public var document: String
    /// Its source path as ingested.
    public var source: String
    /// The quotation as written.
    public var quote: String
    /// `found`, `approximate` or `not-found`.
    public var status: String
    /// The catalog id it was found in, or nil.
    public var target: String?
    /// For an approximate match: the passage the source has.
    public var found: String?

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        try container.encode(source, forKey: .source)
        try container.encode(quote, forKey: .quote)
        try container.encode(status, forKey: .status)
        try container.encode(target, forKey: .target)
        try container.encodeIfPresent(found, forKey: .found)
    }
}

/// The citation audit: completeness of archival documents' citations, resolution of citations
/// inside texts, and quotations looked up in the sources they quote.
///
/// Rules, none of them about particular documents:
/// - An archival document is any document not read as plain text. It must have a title, a date,
///   an archival reference (from its citation or source line; `reference: none` in its fields says
///   it has none) and, when its original language is not English, a translator.
/// - Citations in texts: archive URLs (`/document/<id>`), record ids (`Record ID 121800`), archival references (resolved when a
///   catalogued document cites the same archive, fond, opis and delo), and full quoted-title
///   citations (resolved by title, then URL or reference).
/// - Quotations are passages of three words or more in double quotes in secondary texts (shorter
///   quoted words, and capitalised names and titles, are not quotations). They are looked up in
///   sources only (documents not read as plain text), after normalising quote marks, dashes, case,
///   whitespace and line-break hyphenation, in the document a citation in the same paragraph
///   resolves to, else in every other document: `found` when the passage occurs, `approximate`
///   when at least 80% of its words occur in order in a passage of similar length, else `not-found`.
public struct CitationAuditor: Sendable {
    let catalog: Catalog
    /// Archive acronyms: the shipped ones, extended by `archives.tsv` beside the catalog.
    let archives: [String: String]

    /// Creates an auditor for `catalog`.
    public init(catalog: Catalog) {
        self.catalog = catalog
        archives = ArchivalReferenceParser.archives(extraFolder: catalog.folder)
    }

    /// What the audit found.
    public struct Result: Sendable {
        /// Completeness gaps, as audit findings.
        public var findings: [AuditFinding]
        /// Every citation found in a text.
        public var citations: [CitationCheck]
        /// Every quotation found in a text.
        public var quotes: [QuoteCheck]
    }

    /// Runs the three checks over the latest version of every document.
    ///
    /// The catalog is read a page of documents at a time, in two passes: every document without its
    /// text (completeness, and what citations resolve to), then the secondary texts with theirs. A
    /// quoted source's text is read when a quotation is looked up in it.
    public func run() throws -> Result {
        var findings: [AuditFinding] = []
        var byURLID: [String: String] = [:]
        var byTitle: [String: String] = [:]
        let references = ReferenceIndex(archives: archives)
        let sources = SourceTexts(catalog: catalog)
        let plainText = DocumentFormat.plainText.rawValue
        try catalog.forEachLatestVersion(bodies: false) { id, version, _ in
            if let recordID = version.recordID, id.hasPrefix("wcda:") { byURLID[recordID] = id }
            byTitle[Self.normalise(version.title)] = id
            let parsed = version.citation.map { CitationParser.parse($0, archives: archives) }
            let cited = parsed?.references ?? []
            references.add(id, cited: cited, sourceLine: version.sourceLine)
            if version.format != plainText {
                // A source line, parsed or not, is a reference as far as completeness goes.
                findings += completeness(id: id, version: version, citation: parsed, references: cited)
                sources.ids.insert(id)
            }
        }
        var citations: [CitationCheck] = []
        var quotes: [QuoteCheck] = []
        try catalog.forEachLatestVersion(bodies: true, formats: [plainText]) { id, version, body in
            // The text's citations first, so that the sources its quotations cite are read together.
            let paragraphs = body.components(separatedBy: "\n\n").map { paragraph in
                let found = citationsIn(
                    paragraph, document: id, source: version.sourcePath, byURLID: byURLID, byTitle: byTitle, references: references.all)
                return (found: found, cited: found.compactMap(\.target).first, quotes: Self.quotations(in: paragraph))
            }
            try sources.read(paragraphs.filter { !$0.quotes.isEmpty }.compactMap(\.cited))
            for paragraph in paragraphs {
                citations += paragraph.found
                for quote in paragraph.quotes {
                    quotes.append(try check(quote, in: paragraph.cited, quotedBy: id, source: version.sourcePath, texts: sources))
                }
            }
        }
        return Result(findings: findings, citations: citations, quotes: quotes)
    }

    /// The archival references of every document, for resolving the references a text cites: its
    /// citation's, else those read from its source line. Source lines are parsed only when a text
    /// first cites a reference (a catalog of finding aids has a line per component, and often no
    /// secondary text at all).
    final class ReferenceIndex {
        private let archives: [String: String]
        private var pending: [(document: String, cited: [ArchivalReference], sourceLine: String?)] = []
        private var resolved: [(document: String, reference: ArchivalReference)]?

        init(archives: [String: String]) { self.archives = archives }

        func add(_ document: String, cited: [ArchivalReference], sourceLine: String?) {
            if cited.isEmpty && sourceLine == nil { return }
            pending.append((document, cited, cited.isEmpty ? sourceLine : nil))
        }

        /// Every document's references, in document order.
        var all: [(document: String, reference: ArchivalReference)] {
            if let resolved { return resolved }
            let all = pending.flatMap { entry in
                (entry.cited.nonEmptyOrNil ?? entry.sourceLine.map { ArchivalReferenceParser.references(in: $0, archives: archives) } ?? [])
                    .map { (entry.document, $0) }
            }
            resolved = all
            pending = []
            return all
        }
    }

    func completeness(id: String, version: VersionInfo, citation: Citation?, references: [ArchivalReference]) -> [AuditFinding] {
        var gaps: [(String, String)] = []
        if version.title.isEmpty || version.title.hasPrefix("Untitled") { gaps.append(("citation-title-missing", "has no title")) }
        if version.date == nil && version.dateText == nil { gaps.append(("citation-date-missing", "has no date")) }
        if references.isEmpty && (version.sourceLine ?? "").isEmpty && version.fields["reference"] != "none" {
            gaps.append(("citation-reference-missing", "gives no archival reference (add one, or the field reference: none)"))
        }
        let language = (version.originalLanguage ?? "").lowercased()
        let translated = !language.isEmpty && !["english", "en", "eng"].contains(language)
        let credited = version.translator != nil || !(citation?.translators ?? []).isEmpty
        if translated && !credited {
            gaps.append(("citation-translator-missing", "is a translation from \(version.originalLanguage!) without a translator credit"))
        }
        return gaps.map { code, gap in
            AuditFinding(code: code, severity: "warning", document: id, version: version.number, message: "\(id) \(gap).")
        }
    }

    /// Citations in one paragraph of a text.
    func citationsIn(
        _ paragraph: String, document: String, source: String, byURLID: [String: String], byTitle: [String: String],
        references: [(document: String, reference: ArchivalReference)]
    ) -> [CitationCheck] {
        var checks: [CitationCheck] = []
        var seen = Set<String>()
        // Full citations: a quoted title, then a date and a programme or reference.
        if let expression = Self.fullCitation {
            let ns = paragraph as NSString
            for match in expression.matches(in: paragraph, range: NSRange(location: 0, length: ns.length)) {
                let text = ns.substring(with: match.range)
                let parsed = CitationParser.parse(text, archives: archives)
                guard parsed.date != nil || !parsed.references.isEmpty else { continue }
                seen.insert(text)
                var problems = parsed.defects.map(\.code)
                if parsed.date == nil { problems.append("date-missing") }
                if parsed.references.isEmpty && parsed.url == nil { problems.append("reference-missing") }
                let target =
                    parsed.recordID.flatMap { byURLID[$0] } ?? parsed.title.flatMap { byTitle[Self.normalise($0)] }
                    ?? parsed.references.lazy.compactMap { reference in references.first { $0.reference.sameFile(as: reference) }?.document }.first
                checks.append(
                    CitationCheck(
                        document: document, source: source, citation: text,
                        status: target == nil ? "unresolved" : (problems.contains(where: { $0.hasSuffix("-missing") }) ? "incomplete" : "resolved"),
                        target: target, problems: problems))
            }
        }
        // Archive URLs, record ids ("Record ID 121800") and archival references on their own.
        for expression in [Self.archiveURL, Self.recordID].compactMap({ $0 }) {
            let ns = paragraph as NSString
            for match in expression.matches(in: paragraph, range: NSRange(location: 0, length: ns.length)) {
                let text = ns.substring(with: match.range)
                guard !seen.contains(where: { $0.contains(text) }) else { continue }
                let target = byURLID[ns.substring(with: match.range(at: 1))]
                checks.append(
                    CitationCheck(
                        document: document, source: source, citation: text, status: target == nil ? "unresolved" : "resolved", target: target,
                        problems: []))
            }
        }
        for reference in ArchivalReferenceParser.references(in: paragraph, archives: archives)
        where !seen.contains(where: { $0.contains(reference.text) }) {
            let target = references.first { $0.document != document && $0.reference.sameFile(as: reference) }?.document
            var problems: [String] = []
            if reference.file == nil && (reference.fond == nil || reference.delo == nil) { problems.append("reference-incomplete") }
            checks.append(
                CitationCheck(
                    document: document, source: source, citation: reference.text,
                    status: target != nil ? "resolved" : (problems.isEmpty ? "unresolved" : "incomplete"), target: target, problems: problems))
        }
        return checks
    }

    /// Passages of three words or more between double quotes (straight or curly).
    static func quotations(in text: String) -> [String] {
        guard let expression = quoted else { return [] }
        let ns = text as NSString
        return expression.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { match in
            let range = match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
            let quote = ns.substring(with: range)
            let words = quote.split(whereSeparator: \.isWhitespace)
            // A name or title in quotes ("People's Republic of China") is not a quotation.
            let capitalised = words.filter { $0.count >= 4 }.allSatisfy { $0.first?.isUppercase == true }
            return words.count >= 3 && !capitalised ? quote : nil
        }
    }

    static let fullCitation = try? NSRegularExpression(
        pattern: #"[“"][^”"]{8,300}[,.]?[”"],?\s+[^“"]{0,400}?(?:https?://\S+|\bll?\.\s*[0-9][0-9–-]*|\b(?:Digital Archive|Project)\b)"#)
    static let archiveURL = try? NSRegularExpression(pattern: #"https?://\S*/document/(\d+)"#)
    static let recordID = try? NSRegularExpression(pattern: #"\bRecord ID:?\s*(\d{3,})"#)
    static let quoted = try? NSRegularExpression(pattern: #"“([^”]+)”|"([^"]+)""#)

    /// Source texts (every document but the secondary texts), read and normalised only when a
    /// quotation is looked up in them.
    final class SourceTexts {
        private let catalog: Catalog
        var ids = Set<String>()
        private var normalised: [String: String] = [:]

        init(catalog: Catalog) { self.catalog = catalog }

        /// The normalised text of source `id`, or nil when it is not a source.
        func text(_ id: String) throws -> String? {
            try read([id])
            return normalised[id]
        }

        /// Reads the sources among `wanted` not read yet, in one read of the catalog.
        func read(_ wanted: [String]) throws {
            let missing = Set(wanted.filter { ids.contains($0) && normalised[$0] == nil })
            guard !missing.isEmpty else { return }
            for (id, text) in try catalog.latestTexts(of: Array(missing)) { normalised[id] = CitationAuditor.normalise(text) }
        }

        func contains(_ id: String) -> Bool { ids.contains(id) }
    }

    func check(_ quote: String, in cited: String?, quotedBy document: String, source: String, texts: SourceTexts) throws -> QuoteCheck {
        let needle = Self.normalise(quote).trimming(" .,;:!?")
        var result = QuoteCheck(document: document, source: source, quote: quote, status: "not-found", target: nil, found: nil)
        var candidates: [String] = []
        if let cited { candidates.append(cited) }
        let words = needle.split(separator: " ").map(String.init).filter { $0.count >= 4 }.prefix(8)
        if cited == nil && !words.isEmpty {
            candidates += try catalog.documents(containingAll: Array(words))
            if candidates.isEmpty {
                // No text has all the words: look for near matches among texts with most of them.
                candidates += try catalog.documents(containingAll: Array(words.prefix(2)))
            }
        }
        // Only sources count: another retelling that repeats the quotation verifies nothing.
        candidates = candidates.filter { $0 != document && texts.contains($0) }
        for candidate in candidates {
            guard let text = try texts.text(candidate) else { continue }
            if text.contains(needle) {
                result.status = "found"
                result.target = candidate
                return result
            }
        }
        for candidate in candidates {
            guard let text = try texts.text(candidate), let passage = Self.approximate(needle, in: text) else { continue }
            result.status = "approximate"
            result.target = candidate
            result.found = passage
            return result
        }
        return result
    }

    /// The passage of `text` holding at least 80% of the quote's words in order, within a window
    /// of about the quote's length, or nil.
    static func approximate(_ quote: String, in text: String) -> String? {
        // Words compared without the punctuation around them ("governor." is "governor").
        let bare: (Substring) -> String = { $0.trimmingCharacters(in: .punctuationCharacters) }
        let wanted = quote.split(separator: " ").map(bare)
        let original = text.split(separator: " ")
        let words = original.map(bare)
        guard wanted.count >= 3, words.count >= wanted.count else { return nil }
        let window = wanted.count + max(2, wanted.count / 4)
        var best: (score: Int, start: Int) = (0, 0)
        for start in words.indices where wanted.contains(words[start]) {
            let slice = words[start..<min(words.count, start + window)]
            var score = 0
            var position = slice.startIndex
            for word in wanted {
                if let found = slice[position...].firstIndex(of: word) {
                    score += 1
                    position = slice.index(after: found)
                    if position >= slice.endIndex { break }
                }
            }
            if score > best.score { best = (score, start) }
        }
        guard Double(best.score) >= 0.8 * Double(wanted.count) else { return nil }
        return original[best.start..<min(original.count, best.start + wanted.count)].joined(separator: " ")
    }

    /// Lower case; curly quotes and apostrophes straightened; dashes to hyphens; words broken
    /// across lines joined; whitespace collapsed.
    static func normalise(_ text: String) -> String {
        // One pass over the scalars: Foundation's replacingOccurrences was most of the audit's time.
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var scalars = text.unicodeScalars.makeIterator()
        var lookahead: Unicode.Scalar? = scalars.next()
        while let scalar = lookahead {
            lookahead = scalars.next()
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0:
                pendingSpace = !out.isEmpty
                continue
            case 0x2D where lookahead == "\n":
                // A word broken across lines ("inter-\nference") is one word.
                lookahead = scalars.next()
                continue
            default:
                break
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            switch scalar.value {
            case 0x41...0x5A: out.append(Unicode.Scalar(scalar.value + 32)!)
            case 0x2018, 0x2019: out.append("'")
            case 0x201C, 0x201D: out.append("\"")
            case 0x2013, 0x2014: out.append("-")
            case 0...0x7F: out.append(scalar)
            default: out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

}
