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
        // "1981-1982", "1981–1982": a span of years, the commonest date in finding aids.
        // (Nine scalars are 9 to 11 UTF-8 bytes with an en dash; other lengths are not looked at.)
        let scalars = (9...11).contains(text.utf8.count) ? Array(text.unicodeScalars) : []
        if scalars.count == 9, ["-", "–", "/"].contains(scalars[4]),
            let start = Int(String(unicodeScalars: scalars[0..<4])), let end = Int(String(unicodeScalars: scalars[5..<9])),
            start <= end, start >= 1000
        {
            return range(from: String(start), to: String(end), text: text)
        }
        if text.utf8.contains(UInt8(ascii: "/")), let interval = interval(text, text: text) { return interval }
        return DatePhrase.read(text).value
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
