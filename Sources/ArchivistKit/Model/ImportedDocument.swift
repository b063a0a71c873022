import Chronology

/// What an importer read from one file: the document's identity, its descriptive metadata and text.
///
/// Importers produce these from bytes; the catalog turns them into documents and versions.
public struct ImportedDocument: Sendable, Equatable {
    /// The identity the document will have in the catalog, such as `wcda:112437`; `nil` when the
    /// format carries none and the file's path decides.
    public var identity: String?
    /// The title, verbatim (`[sic]` and misspellings kept).
    public var title: String
    /// The display date as the source wrote it, when it has one.
    public var dateText: String?
    /// The display date as a date value with its precision.
    public var date: DateValue?
    /// The archive's summary.
    public var summary: String?
    /// The language the original was written in ("Russian").
    public var originalLanguage: String?
    /// The citation, verbatim.
    public var citation: String?
    /// The source line (archival reference and credits), verbatim.
    public var sourceLine: String?
    /// Who translated the text, as credited.
    public var translator: String?
    /// The archive's record identifier ("112437").
    public var recordID: String?
    /// The document's text: the translation for archive records, the whole text otherwise.
    public var body: String
    /// Further fields read from the source, by name.
    public var fields: [String: String]
    /// Defects noticed while reading; the raw text is kept and these are stored with the version.
    public var warnings: [ImportWarning]
    /// True for a record the source reports as deleted (an OAI-PMH header with `status="deleted"`):
    /// the catalog logs a `deletion` event for the identity and removes nothing.
    public var deletedAtSource = false

    /// Creates an imported document.
    public init(
        identity: String? = nil, title: String, dateText: String? = nil, date: DateValue? = nil,
        summary: String? = nil, originalLanguage: String? = nil, citation: String? = nil,
        sourceLine: String? = nil, translator: String? = nil, recordID: String? = nil, body: String,
        fields: [String: String] = [:], warnings: [ImportWarning] = []
    ) {
        self.identity = identity
        self.title = title
        self.dateText = dateText
        self.date = date
        self.summary = summary
        self.originalLanguage = originalLanguage
        self.citation = citation
        self.sourceLine = sourceLine
        self.translator = translator
        self.recordID = recordID
        self.body = body
        self.fields = fields
        self.warnings = warnings
    }
}

/// A defect in an imported file that did not stop the import.
public struct ImportWarning: Sendable, Equatable, Codable, Hashable {
    /// A stable code (`citation-date-month-missing`, `empty-field`, ...).
    public var code: String
    /// What was noticed, quoting the raw text.
    public var message: String

    /// Creates a warning.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
