/// One temporal expression found in a text, normalised.
public struct TemporalExpression: Sendable, Codable, Equatable {
    /// The TimeML type of an expression.
    public enum Kind: String, Sendable, Codable {
        case date = "DATE"
        case time = "TIME"
        case duration = "DURATION"
        case set = "SET"
    }

    /// Offset of the first character (in Unicode scalars from the start of the text).
    public var start: Int
    /// Offset just past the last character.
    public var end: Int
    /// The words, verbatim.
    public var text: String
    /// DATE, TIME, DURATION or SET.
    public var type: Kind
    /// The TIMEX3 `value` (`1949-08-24`, `1949-08`, `1949-SU`, `194`, `P3D`, `1949-08-27T07:45`, `PRESENT_REF`).
    public var value: String
    /// The TIMEX3 `mod` (`START`, `MID`, `END`, `ON_OR_BEFORE`, `APPROX`, ...), when the words qualify the date.
    public var mod: String?
    /// The interval, for a DATE or TIME that names a calendar period.
    public var date: DateValue?
    /// The date that resolved a relative or partial expression ("two days later", "in November"),
    /// and where it came from (`document date` or `narrative: <words>`).
    public var anchor: String?
    /// Defects of the words (`month-missing` for "26, 1949"); the value is only as precise as the words allow.
    public var issues: [String] = []

    /// The interval as EDTF, when there is one.
    public var edtf: String? { date?.edtf }
}
