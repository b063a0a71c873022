import ArchivistXML
import Foundation

/// Imports XML files (TEI, EAD 2002 and EAD3, OAI-PMH Dublin Core, MODS, any other XML as a generic
/// document) through `XMLTree`, the hardened libxml2 wrapper of the ArchivistXML module.
///
/// The dialect is recognised by the root element's local name, whatever its namespace (real EAD
/// files lack it or use the wrong one). Multi-record files give one document per record.
public struct XMLImporter: DocumentImporter {
    public var name: String { "xml" }
    public var version: String { "1" }
    /// Size and depth limits.
    public var limits: XMLLimits

    /// Creates an importer with the given limits.
    public init(limits: XMLLimits = XMLLimits()) {
        self.limits = limits
    }

    /// What an XML file gave: its documents, the dialect and the encoding libxml2 read.
    public struct Result {
        /// The documents, in file order.
        public var documents: [ImportedDocument]
        /// `tei`, `ead2002`, `ead3`, `oai-pmh`, `mods` or `generic`.
        public var dialect: String
        /// The encoding the file declared or libxml2 detected.
        public var encoding: String
        /// The parsed tree, for schema validation.
        public var tree: XMLTree
        /// Whether the documents hold only their identities (asked for, and the dialect can: EAD).
        public var identitiesOnly = false
    }

    /// Whether raw bytes look like XML: after an optional byte-order mark and whitespace, `<?xml`,
    /// `<!DOCTYPE`, a comment or an element; UTF-16 is recognised by its BOM or its zero bytes.
    public static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            let littleEndian = body.first == 0xFF
            body = body.dropFirst(2)
            let units = stride(from: body.startIndex, to: min(body.endIndex - 1, body.startIndex + 400), by: 2).map {
                littleEndian ? body[$0] : body[$0 + 1]
            }
            return looksLikeXMLStart(units[...])
        }
        if body.count >= 4, body[body.startIndex] == 0x3C, body[body.startIndex + 1] == 0 { return true }  // "<\0": UTF-16LE without BOM
        if body.count >= 4, body[body.startIndex] == 0, body[body.startIndex + 1] == 0x3C { return true }  // "\0<": UTF-16BE without BOM
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        return looksLikeXMLStart(body.prefix(400))
    }

    private static func looksLikeXMLStart(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        guard start.first == 0x3C, let next = start.dropFirst().first else { return false }
        return next == 0x3F || next == 0x21 || (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || next == 0x5F
    }

    /// Reads decoded text (used when the text path detects XML); the bytes are re-encoded as UTF-8.
    public func read(_ text: String, path: String) throws -> [ImportedDocument] {
        var utf8 = text
        if let range = utf8.range(of: #"encoding\s*=\s*["'][^"']*["']"#, options: .regularExpression),
            utf8.distance(from: utf8.startIndex, to: range.lowerBound) < 100
        {
            utf8.replaceSubrange(range, with: "encoding=\"UTF-8\"")
        }
        return try read(bytes: Array(utf8.utf8), path: path).documents
    }

    /// Parses and imports raw bytes.
    ///
    /// `identitiesOnly` asks for documents that hold only their identities, for bytes the catalog
    /// already holds: a finding aid's components are then found unchanged without their text, dates
    /// and fields being built. Only EAD honours it (``Result/identitiesOnly`` says so); other
    /// dialects, whose records are few or cheap, are read in full.
    public func read(bytes: some ContiguousBytes, path: String, identitiesOnly: Bool = false) throws -> Result {
        let tree: XMLTree
        do {
            tree = try bytes.withUnsafeBytes { buffer throws(XMLParseError) in try XMLTree.parse(buffer, limits: limits) }
        } catch let error as XMLParseError {
            throw Self.archivistError(error, path: path)
        }
        let root = tree.root
        let dialect: String
        var documents: [ImportedDocument]
        if root.isNamed("TEI") || root.isNamed("teiCorpus") {
            dialect = "tei"
            documents = TEIImporter.documents(root)
        } else if root.isNamed("ead") {
            dialect = root.child("control") != nil ? "ead3" : "ead2002"
            if identitiesOnly {
                return Result(
                    documents: EADImporter.documents(root, version: dialect, identitiesOnly: true), dialect: dialect,
                    encoding: tree.encoding ?? "UTF-8", tree: tree, identitiesOnly: true)
            }
            documents = EADImporter.documents(root, version: dialect)
        } else if root.isNamed("OAI-PMH") {
            dialect = "oai-pmh"
            documents = try OAIPMHImporter.documents(root, path: path)
        } else if root.isNamed("mods") || root.isNamed("modsCollection") {
            dialect = "mods"
            documents = MODSImporter.documents(root)
        } else {
            dialect = "generic"
            documents = [Self.generic(root)]
        }
        for index in documents.indices {
            documents[index].fields["xml.dialect"] = dialect
            if let doctype = tree.doctypeSystemID { documents[index].fields["xml.doctype-system-id"] = doctype }
        }
        return Result(documents: documents, dialect: dialect, encoding: tree.encoding ?? "UTF-8", tree: tree)
    }

    /// Any other XML: its text, the first title-like element as title, and a warning.
    static func generic(_ root: XMLElementRef) -> ImportedDocument {
        let titled = root.descendants(stop: { _ in false }).first {
            $0.isNamed(anyOf: ["title", "titleproper", "unittitle", "dc:title", "head"]) && !$0.text.isEmpty
        }
        let text = root.text(blocks: XMLText.blocks)
        var document = ImportedDocument(
            title: titled?.text ?? (text.split(separator: "\n").first.map(String.init) ?? root.name), body: text)
        document.warnings.append(
            ImportWarning(
                code: "xml-generic",
                message:
                    "the root element <\(root.name)>\(root.namespace.map { " (namespace \($0))" } ?? "") is not TEI, EAD, OAI-PMH or MODS; catalogued as generic XML: its text, titled by its first title-like element."
            ))
        return document
    }

    static func archivistError(_ error: XMLParseError, path: String) -> ArchivistError {
        let advice: String
        switch error.kind {
        case .entityDeclaration:
            advice =
                "archivist refuses XML that declares entities (the way of billion-laughs, quadratic blow-up and external-entity attacks); nothing was expanded, read or fetched. Remove the <!ENTITY> declarations (replace references by their text) and ingest again."
        case .tooLarge:
            advice = "split the file, or raise the limit with --xml-max-bytes."
        case .tooDeep:
            advice = "no archival format nests this deep; the file is damaged or hostile."
        case .encoding:
            advice =
                "the bytes do not match the encoding the file declares (or are not valid UTF-8/UTF-16); re-save it in the declared encoding, or correct its <?xml encoding=...?>."
        case .malformed:
            advice = "the file is not well-formed XML; repair it (xmllint --noout shows where) and ingest again."
        }
        return ArchivistError(
            code: error.kind.rawValue, message: "\(path) was refused: \(error.description). \(advice)", path: path)
    }
}

/// The element names that start paragraphs in the text of the XML formats.
enum XMLText {
    static let blocks = XMLNameSet([
        "p", "ab", "head", "div", "div1", "div2", "div3", "lg", "l", "sp", "item", "list", "note", "opener", "closer", "dateline",
        "salute", "signed", "postscript", "quote", "table", "row", "titleStmt", "bibl", "lb", "pb", "scopecontent", "bioghist",
        "abstract", "unittitle", "unitdate", "odd", "arrangement", "did", "chronitem", "event", "description", "title",
    ])
}
