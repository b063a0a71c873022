/// An error that stops an operation, with a stable code and a message that says how to fix it.
///
/// Recoverable problems in a batch (one bad file among many) are reported as values in
/// ``IngestReport``; only what stops a whole operation, or one file's import, is thrown.
public struct ArchivistError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A stable, kebab-case identifier for the kind of problem (`invalid-utf8`, `empty-file`, ...).
    public var code: String
    /// What went wrong, naming the file or object, and what to do about it.
    public var message: String
    /// The file the error is about, when there is one.
    public var path: String?
    /// A description of the underlying error, when there is one.
    public var cause: String?

    /// Creates an error.
    public init(code: String, message: String, path: String? = nil, cause: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.cause = cause
    }

    public var description: String {
        var text = message
        if let cause { text += " (\(cause))" }
        return text
    }
}
