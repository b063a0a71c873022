/// How finely a date value is known.
public enum DatePrecision: String, Sendable, Codable, CaseIterable {
    case day, month, season, year, decade, century
}

/// A qualifier that changes how a date value is read.
public enum DateQualifier: String, Sendable, Codable, CaseIterable, Comparable {
    /// "about", "circa": EDTF `~`.
    case approximate
    /// "probably", "?": EDTF `?`.
    case uncertain
    /// "early 1950": the first third of the period.
    case early
    /// "mid-August": the middle third of the period.
    case mid
    /// "late December 1949": the last third of the period.
    case late
    /// "before the winter": strictly before the period.
    case before
    /// "after the war": strictly after the period.
    case after
    /// "by 1951": at the latest during the period.
    case onOrBefore
    /// "since 1933": at the earliest during the period.
    case onOrAfter

    public static func < (lhs: DateQualifier, rhs: DateQualifier) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A date as a historian reads it: an honest interval with its precision, qualifiers and source words.
///
/// A value never claims more than its text says: "August 1949" is the whole month, not its first day.
public struct DateValue: Hashable, Sendable, Codable {
    /// The earliest day the value allows; `nil` when open ("before 1950").
    public var earliest: CalendarDay?
    /// The latest day the value allows; `nil` when open ("after 1945").
    public var latest: CalendarDay?
    /// How finely the period named by the text is known.
    public var precision: DatePrecision
    /// Qualifiers from the text ("late", "by", "about").
    public var qualifiers: [DateQualifier]
    /// The words the value came from, verbatim.
    public var text: String
    /// The period the text names before qualifiers narrow or open it.
    public var period: ClosedRange<CalendarDay>
    /// For a relative or partial expression ("two days later", "in November"): the date it was
    /// resolved against and where that came from (`document date`, `narrative: <words>`).
    public var anchor: String?

    /// Creates a value for `period` at `precision`, applying `qualifiers` to compute the interval.
    public init(period: ClosedRange<CalendarDay>, precision: DatePrecision, qualifiers: [DateQualifier] = [], text: String) {
        self.period = period
        self.precision = precision
        // Sorted and without repeats; none or one (nearly every date) needs no sorting.
        self.qualifiers = qualifiers.count < 2 ? qualifiers : Array(Set(qualifiers)).sorted()
        self.text = text
        let lower = period.lowerBound.daysSinceEpoch
        let length = period.upperBound.daysSinceEpoch - lower + 1
        var earliest: CalendarDay? = period.lowerBound
        var latest: CalendarDay? = period.upperBound
        if qualifiers.contains(.early) {
            latest = CalendarDay(daysSinceEpoch: lower + max(0, length / 3 - 1))
        } else if qualifiers.contains(.mid) {
            earliest = CalendarDay(daysSinceEpoch: lower + length / 3)
            latest = CalendarDay(daysSinceEpoch: lower + max(length / 3, 2 * length / 3 - 1))
        } else if qualifiers.contains(.late) {
            earliest = CalendarDay(daysSinceEpoch: lower + 2 * length / 3)
        }
        if qualifiers.contains(.before) {
            earliest = nil
            latest = period.lowerBound.adding(days: -1)
        } else if qualifiers.contains(.onOrBefore) {
            earliest = nil
        } else if qualifiers.contains(.after) {
            earliest = period.upperBound.adding(days: 1)
            latest = nil
        } else if qualifiers.contains(.onOrAfter) {
            latest = nil
        }
        self.earliest = earliest
        self.latest = latest
    }

    /// A single day.
    public static func day(_ day: CalendarDay, text: String, qualifiers: [DateQualifier] = []) -> DateValue {
        DateValue(period: day...day, precision: .day, qualifiers: qualifiers, text: text)
    }

    /// A whole month.
    public static func month(_ month: Int, year: Int, text: String, qualifiers: [DateQualifier] = []) -> DateValue {
        DateValue(
            period: CalendarDay.first(ofMonth: month, year: year)...CalendarDay.last(ofMonth: month, year: year),
            precision: .month, qualifiers: qualifiers, text: text)
    }

    /// A whole year.
    public static func year(_ year: Int, text: String, qualifiers: [DateQualifier] = []) -> DateValue {
        DateValue(
            period: CalendarDay.first(ofMonth: 1, year: year)...CalendarDay.last(ofMonth: 12, year: year),
            precision: .year, qualifiers: qualifiers, text: text)
    }

    /// The value in the Extended Date/Time Format (ISO 8601-2, levels 0 and 1).
    ///
    /// Open bounds print as `..` intervals (`../1951` for "by 1951"); "early/mid/late" print the
    /// narrowed interval, since EDTF level 1 has no such qualifier.
    public var edtf: String {
        var suffix = ""
        if qualifiers.contains(.approximate) && qualifiers.contains(.uncertain) {
            suffix = "%"
        } else if qualifiers.contains(.approximate) {
            suffix = "~"
        } else if qualifiers.contains(.uncertain) {
            suffix = "?"
        }
        let narrowed = qualifiers.contains(.early) || qualifiers.contains(.mid) || qualifiers.contains(.late)
        let open = earliest == nil || latest == nil
        if !narrowed && !open {
            let start = DateValue.edtfPeriod(period.lowerBound, precision: precision)
            let end = DateValue.edtfPeriod(period.upperBound, precision: precision)
            // A period spanning several units at its precision ("1934/1950") is an interval.
            return start == end ? start + suffix : "\(start)\(suffix)/\(end)\(suffix)"
        }
        let start = earliest.map { narrowed ? $0.description : DateValue.edtfPeriod($0, precision: precision) } ?? ".."
        let end = latest.map { narrowed ? $0.description : DateValue.edtfPeriod($0, precision: precision) } ?? ".."
        return "\(start)\(suffix)/\(end)\(suffix)"
    }

    /// The TIMEX3 `value` attribute (TimeML) for this date.
    public var timex3Value: String {
        DateValue.edtfPeriod(period.lowerBound, precision: precision)
    }

    /// The TIMEX3 `mod` attribute, when a qualifier maps onto one.
    public var timex3Mod: String? {
        if qualifiers.contains(.early) { return "START" }
        if qualifiers.contains(.mid) { return "MID" }
        if qualifiers.contains(.late) { return "END" }
        if qualifiers.contains(.before) { return "BEFORE" }
        if qualifiers.contains(.after) { return "AFTER" }
        if qualifiers.contains(.onOrBefore) { return "ON_OR_BEFORE" }
        if qualifiers.contains(.onOrAfter) { return "ON_OR_AFTER" }
        if qualifiers.contains(.approximate) { return "APPROX" }
        return nil
    }

    static func edtfPeriod(_ day: CalendarDay, precision: DatePrecision) -> String {
        switch precision {
        case .day: return day.description
        case .month: return "\(pad(day.year, 4))-\(pad(day.month, 2))"
        case .season:
            let season = [12: 24, 1: 24, 2: 24, 3: 21, 4: 21, 5: 21, 6: 22, 7: 22, 8: 22][day.month] ?? 23
            return "\(pad(day.year, 4))-\(season)"
        case .year: return pad(day.year, 4)
        case .decade: return String(pad(day.year, 4).dropLast()) + "X"
        case .century: return String(pad(day.year, 4).dropLast(2)) + "XX"
        }
    }

    /// Whether both values can describe the same moment: their intervals share at least one day.
    public func overlaps(_ other: DateValue) -> Bool {
        let lowA = earliest?.daysSinceEpoch ?? Int.min
        let highA = latest?.daysSinceEpoch ?? Int.max
        let lowB = other.earliest?.daysSinceEpoch ?? Int.min
        let highB = other.latest?.daysSinceEpoch ?? Int.max
        return lowA <= highB && lowB <= highA
    }

    /// Whether every day `other` allows is allowed by this value.
    public func contains(_ other: DateValue) -> Bool {
        let lowA = earliest?.daysSinceEpoch ?? Int.min
        let highA = latest?.daysSinceEpoch ?? Int.max
        let lowB = other.earliest?.daysSinceEpoch ?? Int.min
        let highB = other.latest?.daysSinceEpoch ?? Int.max
        return lowA <= lowB && highB <= highA
    }

    /// Whether this value ends before `other` begins.
    public func isBefore(_ other: DateValue) -> Bool {
        guard let end = latest, let start = other.earliest else { return false }
        return end < start
    }

    /// Whether the two values can describe the same moment when both are read at `precision`
    /// ("24 August" and "25 August" agree at month precision, not at day precision).
    public func overlaps(_ other: DateValue, at precision: DatePrecision) -> Bool {
        coarsened(to: precision).overlaps(other.coarsened(to: precision))
    }

    /// Whether this value ends before `other` begins when both are read at `precision`.
    public func isBefore(_ other: DateValue, at precision: DatePrecision) -> Bool {
        coarsened(to: precision).isBefore(other.coarsened(to: precision))
    }

    /// The value widened to whole units of `precision` (a day becomes its month, its year, ...).
    public func coarsened(to precision: DatePrecision) -> DateValue {
        func widen(_ day: CalendarDay, up: Bool) -> CalendarDay {
            switch precision {
            case .day: return day
            case .month: return up ? CalendarDay.last(ofMonth: day.month, year: day.year) : CalendarDay.first(ofMonth: day.month, year: day.year)
            case .season, .year: return up ? CalendarDay.last(ofMonth: 12, year: day.year) : CalendarDay.first(ofMonth: 1, year: day.year)
            case .decade:
                let start = day.year - ((day.year % 10) + 10) % 10
                return up ? CalendarDay.last(ofMonth: 12, year: start + 9) : CalendarDay.first(ofMonth: 1, year: start)
            case .century:
                let start = day.year - ((day.year % 100) + 100) % 100
                return up ? CalendarDay.last(ofMonth: 12, year: start + 99) : CalendarDay.first(ofMonth: 1, year: start)
            }
        }
        var value = self
        value.earliest = earliest.map { widen($0, up: false) }
        value.latest = latest.map { widen($0, up: true) }
        return value
    }

    /// Whether this value begins after `other` ends.
    public func isAfter(_ other: DateValue) -> Bool {
        other.isBefore(self)
    }
}
