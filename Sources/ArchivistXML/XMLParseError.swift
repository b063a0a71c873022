/// Why a file could not be read as XML, with a stable code and the advice to give.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of refusal.
    public enum Kind: String, Sendable {
        /// The document type declares an entity (general, external, or a parameter entity that
        /// could expand): the vector of billion-laughs, quadratic blow-up and XXE attacks.
        case entityDeclaration = "xml-entity-declaration"
        /// The file is larger than the configured limit.
        case tooLarge = "xml-too-large"
        /// Elements are nested deeper than the configured limit.
        case tooDeep = "xml-too-deep"
        /// The bytes are not in the encoding the document declares (or not UTF-8/16 at all).
        case encoding = "xml-encoding"
        /// The file is not well-formed XML.
        case malformed = "xml-malformed"
    }

    /// The kind of refusal.
    public var kind: Kind
    /// What libxml2 or the guard said, in plain words.
    public var detail: String
    /// The line libxml2 stopped at, when known.
    public var line: Int?

    /// Creates an error.
    public init(kind: Kind, detail: String, line: Int? = nil) {
        self.kind = kind
        self.detail = detail
        self.line = line
    }

    public var description: String {
        (line.map { "line \($0): " } ?? "") + detail
    }
}

/// Limits that keep a hostile or broken file from exhausting memory or time.
public struct XMLLimits: Sendable, Equatable {
    /// The largest file parsed, in bytes (default 256 MiB).
    public var maximumBytes: Int
    /// The deepest element nesting accepted (default 256, libxml2's own limit without XML_PARSE_HUGE).
    public var maximumDepth: Int

    /// Creates limits.
    public init(maximumBytes: Int = 256 << 20, maximumDepth: Int = 256) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
    }
}
