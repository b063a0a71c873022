internal import CLibXML2

/// The outcome of checking a document against an XSD or RELAX NG schema, offline.
public struct XMLSchemaValidation: Sendable, Equatable {
    /// valid, invalid, or schema-unreadable.
    public enum Outcome: String, Sendable {
        case valid, invalid
        case schemaUnreadable = "schema-unreadable"
    }

    /// What happened.
    public var outcome: Outcome
    /// How many errors libxml2 reported.
    public var errorCount: Int
    /// The first errors, one per line (`line N: message`).
    public var messages: [String]
}

extension XMLTree {
    /// Validates the document against the schema file at `path`: RELAX NG when the name ends in
    /// `.rng`, XSD otherwise. Schemas are read from local files only; network imports are refused.
    public func validate(schemaAt path: String) -> XMLSchemaValidation {
        var messages = archivist_messages()
        let kind: Int32 = path.hasSuffix(".rng") ? 1 : 0
        let code = archivist_validate(document, path, kind, &messages)
        let text = withUnsafeBytes(of: &messages.text) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
        let lines = text.split(separator: "\n").map(String.init)
        switch code {
        case 0: return XMLSchemaValidation(outcome: .valid, errorCount: 0, messages: [])
        case 1: return XMLSchemaValidation(outcome: .invalid, errorCount: Int(messages.count), messages: lines)
        default: return XMLSchemaValidation(outcome: .schemaUnreadable, errorCount: Int(messages.count), messages: lines)
        }
    }
}
