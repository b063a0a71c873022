import Chronology

/// Date values from the attributes XML formats use: ISO 8601 days, months and years, with
/// times dropped, as points, ranges and open bounds.
enum XMLDates {
    /// One ISO date (`1949-08-27`, `1949-08`, `1949`, `1949-01-14T14:00:00+01:00`), kept with `text`.
    static func point(_ iso: String, text: String? = nil) -> DateValue? {
        guard let value = DatePhrase.readISO(iso)?.value ?? DatePhrase.read(dayPart(iso)).value else { return nil }
        var result = value
        if let text, !text.isEmpty { result.text = text }
        return result
    }

    /// The interval from the start of `from` to the end of `to`, at the coarser of their precisions;
    /// a missing bound makes the interval open on that side.
    static func range(from: String?, to: String?, text: String) -> DateValue? {
        let start = from.flatMap { point($0) }
        let end = to.flatMap { point($0) }
        switch (start, end) {
        case (let start?, let end?):
            guard start.period.lowerBound <= end.period.upperBound else { return nil }
            let precision = coarser(start.precision, end.precision)
            if start.period == end.period { return DateValue(period: start.period, precision: precision, text: text) }
            return DateValue(period: start.period.lowerBound...end.period.upperBound, precision: precision, text: text)
        case (let start?, nil):
            return DateValue(period: start.period, precision: start.precision, qualifiers: [.onOrAfter], text: text)
        case (nil, let end?):
            return DateValue(period: end.period, precision: end.precision, qualifiers: [.onOrBefore], text: text)
        case (nil, nil):
            return nil
        }
    }

    /// An ISO 8601 interval (`1934/1950`, `1949-08/..`) or a single date.
    static func interval(_ value: String, text: String) -> DateValue? {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false).map { String($0) }
        guard parts.count == 2 else { return point(value, text: text) }
        let open: Set<String> = ["", ".."]
        return range(from: open.contains(parts[0]) ? nil : parts[0], to: open.contains(parts[1]) ? nil : parts[1], text: text)
    }

    /// A free-text date ("1947-09-10", "22 April 1945", "circa 1940"), when it reads as one.
    static func phrase(_ text: String) -> DateValue? {
        if let value = DatePhrase.readISO(text)?.value { return value }
        if let span = yearSpan(text) { return span }
        if text.utf8.contains(UInt8(ascii: "/")), let interval = interval(text, text: text) { return interval }
        return DatePhrase.read(text).value
    }

    /// "1981-1982", "1981–1982" (en dash), "1981/1982": a span of years, the commonest date in
    /// finding aids, read from its bytes; the same value as the range of its two years.
    static func yearSpan(_ text: String) -> DateValue? {
        let utf8 = text.utf8
        let separator: Int
        switch utf8.count {
        case 9: separator = 1
        case 11: separator = 3
        default: return nil
        }
        let read = { (buffer: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int, dash: Bool)? in
            func year(at offset: Int) -> Int? {
                var value = 0
                for byte in buffer[offset..<(offset + 4)] {
                    guard byte &- 48 < 10 else { return nil }
                    value = value * 10 + Int(byte &- 48)
                }
                return value
            }
            let dash =
                separator == 1
                ? buffer[4] == UInt8(ascii: "-") || buffer[4] == UInt8(ascii: "/")
                : buffer[4] == 0xE2 && buffer[5] == 0x80 && buffer[6] == 0x93
            guard let start = year(at: 0), let end = year(at: 4 + separator) else { return nil }
            return (start, end, dash)
        }
        let bytes = utf8.withContiguousStorageIfAvailable(read) ?? Array(utf8).withUnsafeBufferPointer(read)
        guard let (start, end, dash) = bytes, dash, start >= 1000, start <= end,
            let first = CalendarDay(year: start, month: 1, day: 1), let last = CalendarDay(year: end, month: 12, day: 31)
        else { return nil }
        return DateValue(period: first...last, precision: .year, text: text)
    }

    private static func dayPart(_ iso: String) -> String {
        let trimmed = iso.trimming(" \t\n")
        guard let t = trimmed.firstIndex(of: "T") else { return trimmed }
        return String(trimmed[..<t])
    }

    private static func coarser(_ a: DatePrecision, _ b: DatePrecision) -> DatePrecision {
        let order = DatePrecision.allCases
        return order.firstIndex(of: a)! >= order.firstIndex(of: b)! ? a : b
    }
}
