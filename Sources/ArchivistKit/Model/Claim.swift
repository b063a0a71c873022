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

    // Reports get every field by name. The catalog (``CodingUserInfoKey/claimStorage``) gets a
    // positional array, `[type, field, start, end, trigger, distinct, modality, date, places,
    // counts, participants, subjects, inherited]`, without the sentence (kept in its own column):
    // a third of the keyed form's size, and read back without looking up keys.
    public func encode(to encoder: any Encoder) throws {
        if encoder.userInfo[.claimStorage] as? Bool == true {
            var row = encoder.unkeyedContainer()
            try row.encode(type)
            try row.encode(field)
            try row.encode(start)
            try row.encode(end)
            try row.encode(trigger)
            try row.encode(distinct)
            try row.encode(modality)
            try row.encode(date)
            try row.encode(places)
            try row.encode(counts)
            try row.encode(participants)
            try row.encode(subjects)
            try row.encode(inherited)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(modality, forKey: .modality)
        try container.encodeIfPresent(date, forKey: .date)
        try container.encode(distinct, forKey: .distinct)
        try container.encode(places, forKey: .places)
        try container.encode(counts, forKey: .counts)
        try container.encode(participants, forKey: .participants)
        try container.encode(subjects, forKey: .subjects)
        try container.encode(inherited, forKey: .inherited)
        try container.encode(text, forKey: .text)
        try container.encode(trigger, forKey: .trigger)
        try container.encode(field, forKey: .field)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }

    public init(from decoder: any Decoder) throws {
        if decoder.userInfo[.claimStorage] as? Bool == true {
            var row = try decoder.unkeyedContainer()
            let type = try row.decode(String.self)
            let field = try row.decode(String.self)
            let start = try row.decode(Int.self)
            let end = try row.decode(Int.self)
            let trigger = try row.decode(String.self)
            let distinct = try row.decode(Bool.self)
            let modality = try row.decode(String?.self)
            let date = try row.decode(ClaimDate?.self)
            self.init(
                type: type, modality: modality, distinct: distinct, date: date, places: try row.decode([ClaimPlace].self),
                counts: try row.decode([ClaimCount].self), participants: try row.decode([ClaimEntity].self),
                subjects: try row.decode([String].self), trigger: trigger, text: "", field: field, start: start, end: end,
                inherited: try row.decode([String].self))
            return
        }
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

    // Written flat and readable (ISO days, EDTF), and read back to the same value; in the catalog,
    // as `[role, text, precision, first day, last day, qualifiers, anchor]`.
    public func encode(to encoder: any Encoder) throws {
        if encoder.userInfo[.claimStorage] as? Bool == true {
            var row = encoder.unkeyedContainer()
            try row.encode(role)
            try row.encode(value.text)
            try row.encode(value.precision)
            try row.encode(value.period.lowerBound.description)
            try row.encode(value.period.upperBound.description)
            try row.encode(value.qualifiers)
            try row.encode(value.anchor)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        try container.encode(value.text, forKey: .text)
        try container.encode(value.precision, forKey: .precision)
        try container.encode(value.qualifiers, forKey: .qualifiers)
        try container.encode(value.edtf, forKey: .edtf)
        try container.encode(value.earliest?.description, forKey: .earliest)
        try container.encode(value.latest?.description, forKey: .latest)
        try container.encode([value.period.lowerBound.description, value.period.upperBound.description], forKey: .period)
        try container.encodeIfPresent(value.anchor, forKey: .anchor)
    }

    public init(from decoder: any Decoder) throws {
        let role: String
        let text: String
        let precision: DatePrecision
        let bounds: [String]
        let qualifiers: [DateQualifier]
        let anchor: String?
        if decoder.userInfo[.claimStorage] as? Bool == true {
            var row = try decoder.unkeyedContainer()
            role = try row.decode(String.self)
            text = try row.decode(String.self)
            precision = try row.decode(DatePrecision.self)
            bounds = [try row.decode(String.self), try row.decode(String.self)]
            qualifiers = try row.decode([DateQualifier].self)
            anchor = try row.decode(String?.self)
        } else {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            role = try container.decode(String.self, forKey: .role)
            text = try container.decode(String.self, forKey: .text)
            precision = try container.decode(DatePrecision.self, forKey: .precision)
            bounds = try container.decode([String].self, forKey: .period)
            qualifiers = try container.decodeIfPresent([DateQualifier].self, forKey: .qualifiers) ?? []
            anchor = try container.decodeIfPresent(String.self, forKey: .anchor)
        }
        guard bounds.count == 2, let lower = CalendarDay(iso: bounds[0]), let upper = CalendarDay(iso: bounds[1]), lower <= upper else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "the period is not two ISO days in order"))
        }
        var value = DateValue(period: lower...upper, precision: precision, qualifiers: qualifiers, text: text)
        value.anchor = anchor
        self.init(value: value, role: role)
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

    /// Creates a place of a claim.
    public init(name: String, text: String, role: String, widenKm: Double) {
        self.name = name
        self.text = text
        self.role = role
        self.widenKm = widenKm
    }

    private enum CodingKeys: String, CodingKey {
        case name, text, role
        case widenKm = "widen_km"
    }

    // In the catalog: `[name, role, widen_km]`, and the words when they differ from the name.
    public func encode(to encoder: any Encoder) throws {
        if encoder.userInfo[.claimStorage] as? Bool == true {
            var row = encoder.unkeyedContainer()
            try row.encode(name)
            try row.encode(role)
            try row.encode(widenKm)
            if text != name { try row.encode(text) }
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(text, forKey: .text)
        try container.encode(role, forKey: .role)
        try container.encode(widenKm, forKey: .widenKm)
    }

    public init(from decoder: any Decoder) throws {
        if decoder.userInfo[.claimStorage] as? Bool == true {
            var row = try decoder.unkeyedContainer()
            name = try row.decode(String.self)
            role = try row.decode(String.self)
            widenKm = try row.decode(Double.self)
            text = row.isAtEnd ? name : try row.decode(String.self)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        text = try container.decode(String.self, forKey: .text)
        role = try container.decode(String.self, forKey: .role)
        widenKm = try container.decode(Double.self, forKey: .widenKm)
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

    /// Creates a count of a claim.
    public init(value: Double, low: Double, high: Double?, counts: String, text: String) {
        self.value = value
        self.low = low
        self.high = high
        self.counts = counts
        self.text = text
    }

    private enum CodingKeys: String, CodingKey {
        case value, low, high, counts, text
    }

    // In the catalog: `[counts, value, low, high, text]`.
    public func encode(to encoder: any Encoder) throws {
        if encoder.userInfo[.claimStorage] as? Bool == true {
            var row = encoder.unkeyedContainer()
            try row.encode(counts)
            try row.encode(value)
            try row.encode(low)
            try row.encode(high)
            try row.encode(text)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(low, forKey: .low)
        try container.encodeIfPresent(high, forKey: .high)
        try container.encode(counts, forKey: .counts)
        try container.encode(text, forKey: .text)
    }

    public init(from decoder: any Decoder) throws {
        if decoder.userInfo[.claimStorage] as? Bool == true {
            var row = try decoder.unkeyedContainer()
            counts = try row.decode(String.self)
            value = try row.decode(Double.self)
            low = try row.decode(Double.self)
            high = try row.decode(Double?.self)
            text = try row.decode(String.self)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decode(Double.self, forKey: .value)
        low = try container.decode(Double.self, forKey: .low)
        high = try container.decodeIfPresent(Double.self, forKey: .high)
        counts = try container.decode(String.self, forKey: .counts)
        text = try container.decode(String.self, forKey: .text)
    }
}

/// A person or organisation a claim names.
public struct ClaimEntity: Sendable, Codable, Equatable {
    /// The canonical name, from `aliases.tsv`.
    public var name: String
    /// `person` or `organisation`.
    public var kind: String
    /// The words, verbatim.
    public var text: String

    /// Creates a participant of a claim.
    public init(name: String, kind: String, text: String) {
        self.name = name
        self.kind = kind
        self.text = text
    }

    private enum CodingKeys: String, CodingKey {
        case name, kind, text
    }

    // In the catalog: `[name, kind]`, and the words when they differ from the name.
    public func encode(to encoder: any Encoder) throws {
        if encoder.userInfo[.claimStorage] as? Bool == true {
            var row = encoder.unkeyedContainer()
            try row.encode(name)
            try row.encode(kind)
            if text != name { try row.encode(text) }
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(text, forKey: .text)
    }

    public init(from decoder: any Decoder) throws {
        if decoder.userInfo[.claimStorage] as? Bool == true {
            var row = try decoder.unkeyedContainer()
            name = try row.decode(String.self)
            kind = try row.decode(String.self)
            text = row.isAtEnd ? name : try row.decode(String.self)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        kind = try container.decode(String.self, forKey: .kind)
        text = try container.decode(String.self, forKey: .text)
    }
}

extension ClaimCount {
    /// Whether the two counts' ranges have no number in common.
    public func excludes(_ other: ClaimCount) -> Bool {
        (high.map { $0 < other.low } ?? false) || (other.high.map { $0 < low } ?? false)
    }
}
