import Chronology

/// One statement a document makes about an event: its type, date, places, counts and participants,
/// with the exact sentence it came from.
public struct Claim: Sendable, Codable, Equatable {
    /// The event type, from `events.tsv` (`crash`, `meeting`, `message` ...), or `statement` for a
    /// sentence that only gives a count.
    public var type: String
    /// `planned` when the words make it a plan, an intention or a possibility rather than a report
    /// that the event happened; such claims are never in a conflict.
    public var modality: String?
    /// Whether the words say it is another occurrence ("another meeting").
    public var distinct: Bool
    /// When, and in what role (the event itself, or when it was reported, received, written).
    public var date: ClaimDate?
    /// Places with their roles.
    public var places: [ClaimPlace]
    /// Numbers with what they count.
    public var counts: [ClaimCount]
    /// People and organisations named.
    public var participants: [ClaimEntity]
    /// What the event happened to when no one is named (`aircraft` for "their plane").
    public var subjects: [String]
    /// The event words that typed the claim, as written.
    public var trigger: String
    /// The sentence, verbatim.
    public var text: String
    /// Which part of the document the sentence is in: `title`, `summary` or `body`.
    public var field: String
    /// Offset of the sentence in that field, in Unicode scalars.
    public var start: Int
    /// Offset just past the sentence.
    public var end: Int
    /// Parts taken from the sentence before (`date`, `participants`) or from the document's date.
    public var inherited: [String]

    private enum CodingKeys: String, CodingKey {
        case type, modality, distinct, date, places, counts, participants, subjects, trigger, text, field, start, end, inherited
    }

    /// Creates a claim.
    public init(
        type: String, modality: String?, distinct: Bool, date: ClaimDate?, places: [ClaimPlace], counts: [ClaimCount],
        participants: [ClaimEntity], subjects: [String], trigger: String, text: String, field: String, start: Int, end: Int,
        inherited: [String]
    ) {
        self.type = type
        self.modality = modality
        self.distinct = distinct
        self.date = date
        self.places = places
        self.counts = counts
        self.participants = participants
        self.subjects = subjects
        self.trigger = trigger
        self.text = text
        self.field = field
        self.start = start
        self.end = end
        self.inherited = inherited
    }

    // Everything is written for reports; in the catalog (``CodingUserInfoKey/claimStorage``) the
    // sentence (kept in its own column), derived date fields and empty parts are left out, which
    // halves the stored size.
    public func encode(to encoder: any Encoder) throws {
        let storage = encoder.userInfo[.claimStorage] as? Bool == true
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(modality, forKey: .modality)
        try container.encodeIfPresent(date, forKey: .date)
        if !storage || distinct { try container.encode(distinct, forKey: .distinct) }
        if !storage || !places.isEmpty { try container.encode(places, forKey: .places) }
        if !storage || !counts.isEmpty { try container.encode(counts, forKey: .counts) }
        if !storage || !participants.isEmpty { try container.encode(participants, forKey: .participants) }
        if !storage || !subjects.isEmpty { try container.encode(subjects, forKey: .subjects) }
        if !storage || !inherited.isEmpty { try container.encode(inherited, forKey: .inherited) }
        if !storage { try container.encode(text, forKey: .text) }
        try container.encode(trigger, forKey: .trigger)
        try container.encode(field, forKey: .field)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            type: try container.decode(String.self, forKey: .type), modality: try container.decodeIfPresent(String.self, forKey: .modality),
            distinct: try container.decodeIfPresent(Bool.self, forKey: .distinct) ?? false,
            date: try container.decodeIfPresent(ClaimDate.self, forKey: .date),
            places: try container.decodeIfPresent([ClaimPlace].self, forKey: .places) ?? [],
            counts: try container.decodeIfPresent([ClaimCount].self, forKey: .counts) ?? [],
            participants: try container.decodeIfPresent([ClaimEntity].self, forKey: .participants) ?? [],
            subjects: try container.decodeIfPresent([String].self, forKey: .subjects) ?? [],
            trigger: try container.decode(String.self, forKey: .trigger), text: try container.decodeIfPresent(String.self, forKey: .text) ?? "",
            field: try container.decode(String.self, forKey: .field), start: try container.decode(Int.self, forKey: .start),
            end: try container.decode(Int.self, forKey: .end), inherited: try container.decodeIfPresent([String].self, forKey: .inherited) ?? [])
    }
}

extension CodingUserInfoKey {
    /// Set to `true` to encode claims as the catalog stores them (see ``Claim``).
    public static let claimStorage = CodingUserInfoKey(rawValue: "archivist.claimStorage")!
}

/// A claim's date: the interval, its role and the words.
public struct ClaimDate: Sendable, Codable, Equatable {
    /// The interval at its precision.
    public var value: DateValue
    /// `event` (when it happened, or was sent), `reported`, `received`, `written`, or `document` (the
    /// document's own date, taken for a sentence that gives none).
    public var role: String

    /// Creates a claim date.
    public init(value: DateValue, role: String) {
        self.value = value
        self.role = role
    }

    private enum CodingKeys: String, CodingKey {
        case role, text, edtf, precision, qualifiers, earliest, latest, period, anchor
    }

    // Written flat and readable (ISO days, EDTF), and read back to the same value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let storage = encoder.userInfo[.claimStorage] as? Bool == true
        try container.encode(role, forKey: .role)
        try container.encode(value.text, forKey: .text)
        try container.encode(value.precision, forKey: .precision)
        if !storage || !value.qualifiers.isEmpty { try container.encode(value.qualifiers, forKey: .qualifiers) }
        if !storage {
            try container.encode(value.edtf, forKey: .edtf)
            try container.encode(value.earliest?.description, forKey: .earliest)
            try container.encode(value.latest?.description, forKey: .latest)
        }
        try container.encode([value.period.lowerBound.description, value.period.upperBound.description], forKey: .period)
        try container.encodeIfPresent(value.anchor, forKey: .anchor)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let period = try container.decode([String].self, forKey: .period)
        guard period.count == 2, let lower = CalendarDay(iso: period[0]), let upper = CalendarDay(iso: period[1]), lower <= upper else {
            throw DecodingError.dataCorruptedError(forKey: .period, in: container, debugDescription: "not two ISO days in order")
        }
        var value = DateValue(
            period: lower...upper, precision: try container.decode(DatePrecision.self, forKey: .precision),
            qualifiers: try container.decodeIfPresent([DateQualifier].self, forKey: .qualifiers) ?? [],
            text: try container.decode(String.self, forKey: .text))
        value.anchor = try container.decodeIfPresent(String.self, forKey: .anchor)
        self.init(value: value, role: try container.decode(String.self, forKey: .role))
    }
}

/// A place a claim names, with its role in the event.
public struct ClaimPlace: Sendable, Codable, Equatable {
    /// The gazetteer name.
    public var name: String
    /// The words, verbatim.
    public var text: String
    /// `destination`, `origin` or `location`.
    public var role: String
    /// Kilometres added to the place's radius by vague words ("east of", "near").
    public var widenKm: Double

    private enum CodingKeys: String, CodingKey {
        case name, text, role
        case widenKm = "widen_km"
    }
}

/// A number and what it counts.
public struct ClaimCount: Sendable, Codable, Equatable {
    /// The number as written in the text, normalised.
    public var value: Double
    /// The least number the words allow ("less than 5%": 0).
    public var low: Double
    /// The greatest number the words allow; `nil` when unbounded ("at least 30%").
    public var high: Double?
    /// What is counted (`people aboard`, `troops`, `percent of population`).
    public var counts: String
    /// The words, verbatim.
    public var text: String
}

/// A person or organisation a claim names.
public struct ClaimEntity: Sendable, Codable, Equatable {
    /// The canonical name, from `aliases.tsv`.
    public var name: String
    /// `person` or `organisation`.
    public var kind: String
    /// The words, verbatim.
    public var text: String
}

extension ClaimCount {
    /// Whether the two counts' ranges have no number in common.
    public func excludes(_ other: ClaimCount) -> Bool {
        (high.map { $0 < other.low } ?? false) || (other.high.map { $0 < low } ?? false)
    }
}
