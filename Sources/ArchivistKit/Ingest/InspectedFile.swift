import Chronology

/// What `archivist inspect` read from one file, without a catalog.
public struct InspectedFile: Sendable, Codable, Equatable {
    /// One document the file holds, as the importer read it.
    public struct Document: Sendable, Codable, Equatable {
        /// The identity the format gives, or nil when the file's path will decide.
        public var identity: String?
        /// The title.
        public var title: String
        /// The date as the source wrote it.
        public var dateText: String?
        /// The date as EDTF.
        public var date: String?
        /// The archival reference or source line.
        public var sourceLine: String?
        /// The translator, as credited.
        public var translator: String?
        /// Bytes of text (UTF-8).
        public var textLength: Int
        /// Whether the source reports the record deleted.
        public var deletedAtSource: Bool
        /// Fields read besides these.
        public var fields: [String: String]
        /// Defects noticed.
        public var warnings: [ImportWarning]

        init(_ document: ImportedDocument) {
            identity = document.identity
            title = document.title
            dateText = document.dateText
            date = document.date?.edtf
            sourceLine = document.sourceLine
            translator = document.translator
            textLength = document.body.utf8.count
            deletedAtSource = document.deletedAtSource
            fields = document.fields
            warnings = document.warnings
        }
    }

    /// The path as given (relative to a folder given).
    public var path: String
    /// The detected format, when the file was read.
    public var format: String?
    /// SHA-256 of the bytes.
    public var sha256: String?
    /// Size in bytes.
    public var size: Int?
    /// The documents, in file order.
    public var documents: [Document]
    /// Why the file would be refused, when it would.
    public var error: FailureReason?
}
