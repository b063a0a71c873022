/// The formats archivist recognises, detected from a file's content (never its extension).
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    /// A Wilson Center Digital Archive record saved from its PDF export.
    case wilsonCenterExport = "wcda-export"
    /// A Wilson Center Digital Archive record saved from its web page.
    case wilsonCenterPage = "wcda-page"
    /// An XML document (TEI, EAD, OAI-PMH, MODS).
    case xml
    /// Any other text, such as a secondary source.
    case plainText = "text"

    /// Detects the format of decoded text.
    public static func detect(_ text: String) -> DocumentFormat {
        let head = text.prefix(4096)
        if let first = head.first(where: { !$0.isWhitespace }), first == "<" {
            let trimmed = head.drop(while: { $0.isWhitespace })
            if trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<!DOCTYPE") || trimmed.hasPrefix("<!--")
                || trimmed.dropFirst().first.map({ $0.isLetter || $0 == "_" }) == true
            {
                return .xml
            }
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmed }
        if let first = lines.first, first.hasPrefix("Digital Archive") && first.contains("wilsoncenter.org") {
            return .wilsonCenterExport
        }
        let labels = Set(lines.filter { $0.hasSuffix(":") })
        if labels.contains("Citation:") && labels.contains("Contents:") {
            return .wilsonCenterExport
        }
        let set = Set(lines)
        if set.contains("Document Information") && set.contains("Record ID") {
            return .wilsonCenterPage
        }
        return .plainText
    }
}

/// Reads one format's decoded text into imported documents.
public protocol DocumentImporter: Sendable {
    /// The importer's name, recorded with every version it produced.
    var name: String { get }
    /// The importer's version, recorded with every version it produced.
    var version: String { get }
    /// Reads `text` (decoded from the file at `path`) into one or more documents.
    func read(_ text: String, path: String) throws -> [ImportedDocument]
}

extension DocumentFormat {
    /// The importer for this format.
    public var importer: any DocumentImporter {
        switch self {
        case .wilsonCenterExport, .wilsonCenterPage: WilsonCenterImporter(layout: self)
        case .plainText: PlainTextImporter()
        case .xml: UnsupportedXMLImporter()
        }
    }
}

/// Refuses XML until the libxml2-based importers exist, so XML is never catalogued as plain text.
struct UnsupportedXMLImporter: DocumentImporter {
    var name: String { "xml" }
    var version: String { "0" }
    func read(_ text: String, path: String) throws -> [ImportedDocument] {
        throw ArchivistError(
            code: "unsupported-format",
            message: "\(path) is XML; the XML importers (TEI, EAD, OAI-PMH, MODS) are not built yet, so it was not ingested. Keep the file; ingest it again once XML import is available.",
            path: path)
    }
}
