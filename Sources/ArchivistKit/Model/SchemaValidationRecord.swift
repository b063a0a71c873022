/// The outcome of checking an XML file against a schema, as the provenance log records it.
public struct SchemaValidationRecord: Sendable, Equatable {
    /// success (valid), warning (invalid: ingested with a warning) or failure (schema unreadable).
    public var outcome: EventOutcome
    /// The event's detail: schema, result, error count, first messages.
    public var detail: [String: String]

    /// Creates a record.
    public init(outcome: EventOutcome, detail: [String: String]) {
        self.outcome = outcome
        self.detail = detail
    }
}
