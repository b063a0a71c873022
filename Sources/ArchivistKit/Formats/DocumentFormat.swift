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
        // Only the lines that can be labels or headings are trimmed; the text itself is not copied.
        var first: Substring?
        var hasCitation = false
        var hasContents = false
        var hasInformation = false
        var hasRecordID = false
        for raw in utf8Lines(text) {
            guard raw.utf8.count <= 64 || first == nil else { continue }
            let line = raw.trimmed
            if line.isEmpty { continue }
            if first == nil {
                first = Substring(line)
                if line.hasPrefix("Digital Archive") && line.firstRange(ofBytes: "wilsoncenter.org") != nil { return .wilsonCenterExport }
            }
            switch line {
            case "Citation:": hasCitation = true
            case "Contents:": hasContents = true
            case "Document Information": hasInformation = true
            case "Record ID": hasRecordID = true
            default: break
            }
        }
        if hasCitation && hasContents { return .wilsonCenterExport }
        if hasInformation && hasRecordID { return .wilsonCenterPage }
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
        case .xml: XMLImporter()
        }
    }
}
