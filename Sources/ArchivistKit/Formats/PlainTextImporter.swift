/// Imports plain text, such as a secondary source: the first non-empty line is the title.
public struct PlainTextImporter: DocumentImporter {
    public var name: String { "text" }
    public var version: String { "1" }

    /// Creates the importer.
    public init() {}

    public func read(_ text: String, path: String) throws -> [ImportedDocument] {
        let title = text.split(separator: "\n").lazy.map { $0.trimmed }.first { !$0.isEmpty } ?? ""
        return [ImportedDocument(title: title, body: text)]
    }
}
