/// Finds temporal expressions in English text (with the Russian, Chinese and Roman-numeral date
/// forms of translated documents) and normalises them to TimeML values and date intervals.
///
/// Relative and partial expressions ("two days later", "in November", "that year") are resolved
/// against an anchor: the document's own date when ``Options/anchorToDocumentDate`` is set (letters,
/// cables, reports), otherwise the most recent date of the right precision in the narrative, then
/// the document date. The anchor used is recorded with each expression. Nothing is guessed: a
/// relative expression with no anchor keeps a vague value (`FUTURE_REF`, `PAST_REF`) or `XXXX`.
public struct DateTagger: Sendable {
    /// How to resolve.
    public struct Options: Sendable {
        /// The document's own date (TimeML's DCT), if known.
        public var documentDate: CalendarDay?
        /// Resolve relative expressions against the document date rather than the narrative.
        public var anchorToDocumentDate: Bool

        /// Creates options.
        public init(documentDate: CalendarDay? = nil, anchorToDocumentDate: Bool = false) {
            self.documentDate = documentDate
            self.anchorToDocumentDate = anchorToDocumentDate
        }
    }

    let options: Options

    /// Creates a tagger.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Every temporal expression in `text`, in order.
    public func tag(_ text: String) -> [TemporalExpression] {
        var run = TaggerRun(text: text, options: options)
        return run.tagAll()
    }

    /// The ranges the text states between its expressions ("1934-1949", "from 22 to 27 August 1949",
    /// "between May and July 1950"): two DATE expressions joined by a dash, "to", "until" or
    /// "and" after "between", as one interval from the start of the first to the end of the second.
    /// (TimeML tags the two ends separately, as ``tag(_:)`` does.)
    public func ranges(in text: String, expressions: [TemporalExpression]) -> [(
        from: TemporalExpression, to: TemporalExpression, interval: DateValue
    )] {
        let scalars = Array(text.unicodeScalars)
        var result: [(TemporalExpression, TemporalExpression, DateValue)] = []
        for (first, second) in zip(expressions, expressions.dropFirst()) {
            guard let b = second.date, first.type == .date, second.type == .date, first.end <= second.start else { continue }
            // "between May and July 1950": a month without its year takes the year of the second end.
            var start = first.date
            if start == nil, first.value.hasPrefix("XXXX-"), let month = Int(first.value.dropFirst(5).prefix(2)), (1...12).contains(month) {
                start = .month(month, year: b.period.lowerBound.year, text: first.text)
            }
            guard let a = start else { continue }
            let between = String(unicodeScalars: scalars[first.end..<second.start]).lowercased().trimmingWhitespace()
            let before = String(unicodeScalars: scalars[max(0, first.start - 8)..<first.start]).lowercased()
            let joined = ["-", "–", "—", "to", "until", "till", "through"].contains(between) || (between == "and" && before.hasSuffix("between "))
            guard joined, a.period.lowerBound <= b.period.upperBound else { continue }
            let precision = DatePrecision.allCases[
                max(DatePrecision.allCases.firstIndex(of: a.precision)!, DatePrecision.allCases.firstIndex(of: b.precision)!)]
            let words = String(unicodeScalars: scalars[first.start..<second.end])
            result.append((first, second, DateValue(period: a.period.lowerBound...b.period.upperBound, precision: precision, text: words)))
        }
        return result
    }
}

/// One pass of the tagger over a text.
struct TaggerRun {
    enum TokenKind { case word, number, punctuation, han }

    struct Token {
        var kind: TokenKind
        var start: Int
        var end: Int
        var lower: String
        var capitalised: Bool
        var number: Int? { kind == .number ? Int(lower) : nil }
    }

    let scalars: [Unicode.Scalar]
    let options: DateTagger.Options
    var tokens: [Token] = []
    /// The narrative's most recent dates, by precision.
    var lastDay: (CalendarDay, String)?
    var lastMonth: (year: Int, month: Int, words: String)?
    var lastYear: (Int, String)?

    init(text: String, options: DateTagger.Options) {
        scalars = Array(text.unicodeScalars)
        self.options = options
        tokenize()
    }

    // MARK: tokens

    mutating func tokenize() {
        var index = 0
        // ASCII is decided without Unicode property lookups (they were half of the tagger's time).
        func isLetter(_ s: Unicode.Scalar) -> Bool {
            s.value < 128 ? ASCII.isLetter(s.value) : s.properties.isAlphabetic && !(0x4E00...0x9FFF).contains(s.value)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.value < 128 {
                let v = scalar.value
                if ASCII.isSpace(v) {
                    index += 1
                    continue
                }
                if !ASCII.isDigit(v) && !isLetter(scalar) {
                    append(.punctuation, index, index + 1)
                    index += 1
                    continue
                }
            }
            let properties = scalar.properties
            if scalar.value >= 128 && properties.isWhitespace {
                index += 1
            } else if ASCII.isDigit(scalar.value) {
                var end = index
                while end < scalars.count, ASCII.isDigit(scalars[end].value) { end += 1 }
                append(.number, index, end)
                index = end
            } else if (0x4E00...0x9FFF).contains(scalar.value) {
                append(.han, index, index + 1)
                index += 1
            } else if scalar.value < 128 || properties.isAlphabetic {
                var end = index
                while end < scalars.count, isLetter(scalars[end]) { end += 1 }
                append(.word, index, end)
                index = end
            } else {
                append(.punctuation, index, index + 1)
                index += 1
            }
        }
    }

    mutating func append(_ kind: TokenKind, _ start: Int, _ end: Int) {
        let text = String(unicodeScalars: scalars[start..<end])
        let first = scalars[start]
        let capitalised = first.value < 128 ? (first.value >= 0x41 && first.value <= 0x5A) : first.properties.isUppercase
        tokens.append(Token(kind: kind, start: start, end: end, lower: text.lowercased(), capitalised: capitalised))
    }

    func word(_ index: Int) -> String? { index < tokens.count ? tokens[index].lower : nil }

    func words(_ range: Range<Int>) -> String {
        String(unicodeScalars: scalars[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end])
    }

    // MARK: vocabulary

    static let months: [String: Int] = {
        var table = DatePhrase.monthNames
        table["may"] = 5
        table.removeValue(forKey: "mar")  // "mar" is a verb too often
        return table
    }()
    static let russianMonths: [String: Int] = [
        "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8, "сентября": 9,
        "октября": 10, "ноября": 11, "декабря": 12,
    ]
    static let roman: [String: Int] = [
        "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12,
    ]
    static let numbers: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "hundred": 100,
    ]
    static let vague: Set<String> = ["few", "several", "some", "many"]
    static let units: [String: (code: String, time: Bool)] = [
        "day": ("D", false), "days": ("D", false), "week": ("W", false), "weeks": ("W", false), "month": ("M", false),
        "months": ("M", false), "year": ("Y", false), "years": ("Y", false), "decade": ("DE", false), "decades": ("DE", false),
        "century": ("CE", false), "centuries": ("CE", false), "hour": ("H", true), "hours": ("H", true), "minute": ("M", true),
        "minutes": ("M", true),
    ]
    static let seasons: [String: (code: String, month: Int)] = [
        "spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9), "winter": ("WI", 12),
    ]
    /// Words that can start an expression besides month, season and number words.
    static let triggers: Set<String> = [
        "the", "that", "this", "early", "late", "mid", "every", "each", "annually", "yearly", "monthly", "weekly", "daily", "now",
        "today", "currently", "nowadays", "at", "by", "until", "till", "before", "after", "since", "around", "circa", "about", "few",
        "several", "some", "many", "ad",
    ]

    /// Nouns after which a four-digit number is a count, not a year.
    static let countNouns: Set<String> = [
        "men", "soldiers", "troops", "people", "km", "kilometres", "kilometers", "miles", "tons", "tonnes", "aircraft", "planes",
        "tanks", "guns", "prisoners", "casualties", "dead", "killed", "wounded", "ships", "vehicles", "metres", "meters", "feet",
    ]

    // MARK: tagging

    mutating func tagAll() -> [TemporalExpression] {
        var found: [TemporalExpression] = []
        var index = 0
        while index < tokens.count {
            if let (length, expression) = match(at: index) {
                found.append(expression)
                index += length
            } else {
                index += 1
            }
        }
        return found
    }

    /// The longest expression starting at `index`.
    mutating func match(at index: Int) -> (Int, TemporalExpression)? {
        // Most words start no expression: skip them before trying every rule.
        let token = tokens[index]
        if token.kind == .word && !Self.months.keys.contains(token.lower) && !Self.triggers.contains(token.lower)
            && Self.russianMonths[token.lower] == nil && Self.numbers[token.lower] == nil && Self.seasons[token.lower] == nil
        {
            return nil
        }
        if token.kind == .punctuation { return nil }
        let candidates: [(Int, Built)?] = [
            cjkDate(index), numericDate(index), qualified(index), monthFirst(index), dayFirst(index), season(index), decade(index),
            relative(index), duration(index), setExpression(index), clockTime(index), present(index), yearAlone(index),
            dayYearWithoutMonth(index), dayBeforeRange(index), bounded(index),
        ]
        guard let best = candidates.compactMap({ $0 }).max(by: { $0.0 < $1.0 }) else { return nil }
        var (length, built) = best
        built.date?.anchor = built.anchor
        let range = (index + built.leading)..<(index + length)
        let expression = TemporalExpression(
            start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end, text: words(range), type: built.type, value: built.value,
            mod: built.mod, date: built.date, anchor: built.anchor, issues: built.issues)
        remember(expression, words: expression.text)
        return (length, expression)
    }

    struct Built {
        var type: TemporalExpression.Kind = .date
        var value: String
        var mod: String? = nil
        var date: DateValue? = nil
        var anchor: String? = nil
        /// Tokens matched before the expression's extent (a qualifier word such as "by").
        var leading = 0
        /// Defects of the words.
        var issues: [String] = []
    }

    mutating func remember(_ expression: TemporalExpression, words: String) {
        guard expression.type == .date, let date = expression.date, expression.anchor == nil || options.anchorToDocumentDate == false else { return }
        let day = date.period.lowerBound
        switch date.precision {
        case .day:
            lastDay = (day, words)
            lastMonth = (day.year, day.month, words)
            lastYear = (day.year, words)
        case .month:
            lastMonth = (day.year, day.month, words)
            lastYear = (day.year, words)
        case .season, .year:
            lastYear = (day.year, words)
        default:
            break
        }
    }

    /// The anchor for a relative day, and where it came from.
    func anchorDay() -> (CalendarDay, String)? {
        if options.anchorToDocumentDate, let date = options.documentDate { return (date, "document date") }
        if let lastDay { return (lastDay.0, "narrative: \(lastDay.1)") }
        return options.documentDate.map { ($0, "document date") }
    }

    func anchorYear() -> (Int, String)? {
        if options.anchorToDocumentDate, let date = options.documentDate { return (date.year, "document date") }
        if let lastYear { return (lastYear.0, "narrative: \(lastYear.1)") }
        return options.documentDate.map { ($0.year, "document date") }
    }

    static func dayValue(_ day: CalendarDay, text: String, mod: String? = nil, anchor: String? = nil) -> Built {
        Built(value: day.description, mod: mod, date: .day(day, text: text), anchor: anchor)
    }

    /// A year as TIMEX3 writes it: `1949`, or `BC0490` for 490 BC (years are astronomical: 0 is 1 BC).
    static func yearString(_ year: Int) -> String {
        year > 0 ? pad(year, 4) : "BC" + pad(1 - year, 4)
    }

    static func monthValue(_ month: Int, _ year: Int, text: String, mod: String? = nil, anchor: String? = nil) -> Built {
        Built(
            value: "\(yearString(year))-\(pad(month, 2))", mod: mod, date: .month(month, year: year, text: text, qualifiers: qualifiers(mod)),
            anchor: anchor)
    }

    static func yearValue(_ year: Int, text: String, mod: String? = nil, anchor: String? = nil) -> Built {
        Built(value: yearString(year), mod: mod, date: .year(year, text: text, qualifiers: qualifiers(mod)), anchor: anchor)
    }

    static func qualifiers(_ mod: String?) -> [DateQualifier] {
        switch mod {
        case "START": [.early]
        case "MID": [.mid]
        case "END": [.late]
        case "ON_OR_BEFORE": [.onOrBefore]
        case "BEFORE": [.before]
        case "AFTER": [.after]
        case "ON_OR_AFTER": [.onOrAfter]
        case "APPROX": [.approximate]
        default: []
        }
    }

    func isYear(_ index: Int) -> Int? {
        isYearWithEra(index)?.year
    }

    /// A year at `index`: four digits 1000-2099, or any number followed by BC/BCE/AD/CE (or preceded
    /// by AD), or a bare number of 2-4 digits when the narrative is in BC years. The year is
    /// astronomical (490 BC is -489); `length` counts the era tokens.
    func isYearWithEra(_ index: Int) -> (year: Int, length: Int)? {
        guard index < tokens.count else { return nil }
        if tokens[index].lower == "ad", let number = tokens.indices.contains(index + 1) ? tokens[index + 1].number : nil,
            tokens[index + 1].lower.count <= 4
        {
            return (number, 2)
        }
        guard let number = tokens[index].number, tokens[index].lower.count <= 4 else { return nil }
        var cursor = index + 1
        // "B.C." and "A.D." spelt with stops; a bare "a" after a year is the article ("1949 a Soviet plane").
        let dotted = { (era: String) in self.word(cursor + 1) == "." && self.word(cursor + 2) == (era == "b" ? "c" : "d") }
        if let era = word(cursor), ["bc", "bce", "ad", "ce"].contains(era) || (["b", "a"].contains(era) && dotted(era)) {
            var length = 1
            if era == "b" || era == "a" { length = word(cursor + 3) == "." ? 4 : 3 }
            cursor += length
            let bc = era.hasPrefix("b")
            return (bc ? 1 - number : number, cursor - index)
        }
        if tokens[index].lower.count == 4, (1000...2099).contains(number) { return (number, 1) }
        if let lastYear, lastYear.0 <= 0, (10...999).contains(number), tokens[index].lower.first != "0",
            let before = index > 0 ? word(index - 1) : nil,
            ["in", "of", "by", "from", "to", "until", "and", "after", "before", "since"].contains(before)
        {
            return (1 - number, 1)
        }
        return nil
    }

    func monthAt(_ index: Int, requireCapital: Bool = true) -> Int? {
        guard index < tokens.count, tokens[index].kind == .word, let month = Self.months[tokens[index].lower] else { return nil }
        // "may", "march" and short forms are ordinary words unless capitalised.
        if requireCapital && !tokens[index].capitalised { return nil }
        return month
    }

    /// A day number (1-31), with an ordinal suffix ("4th") counted in the length.
    func dayAt(_ index: Int) -> (day: Int, length: Int)? {
        guard index < tokens.count, let number = tokens[index].number, (1...31).contains(number), tokens[index].lower.count <= 2 else { return nil }
        if let suffix = word(index + 1), ["st", "nd", "rd", "th"].contains(suffix), tokens[index + 1].start == tokens[index].end {
            return (number, 2)
        }
        return (number, 1)
    }

    /// An amount in words or digits, or nil; `vague` for "a few", "several".
    func amount(_ index: Int) -> (value: Int?, length: Int)? {
        guard let first = word(index) else { return nil }
        if let number = tokens[index].number, tokens[index].lower.count <= 3 { return (number, 1) }
        if first == "a", let next = word(index + 1), Self.vague.contains(next) { return (nil, 2) }
        if Self.vague.contains(first) { return (nil, 1) }
        if let number = Self.numbers[first] {
            if let next = word(index + 1), next == "-" || Self.numbers[next] != nil,
                let second = Self.numbers[word(index + (next == "-" ? 2 : 1)) ?? ""]
            {
                return (number + second, next == "-" ? 3 : 2)
            }
            return (number, 1)
        }
        return nil
    }

    // MARK: rules

    /// "September 1, 1939", "September 1", "September 1939", "February of 1940", "Sept. 4th, 1943".
    func monthFirst(_ index: Int) -> (Int, Built)? {
        guard let month = monthAt(index) else { return nil }
        var cursor = index + 1
        if word(cursor) == "." { cursor += 1 }
        let text = { (end: Int) in self.words(index..<end) }
        if let (day, length) = dayAt(cursor) {
            var end = cursor + length
            var yearIndex = end
            if word(yearIndex) == "," { yearIndex += 1 }
            if let year = isYear(yearIndex) {
                end = yearIndex + 1
                if let date = CalendarDay(year: year, month: month, day: day) { return (end - index, Self.dayValue(date, text: text(end))) }
            }
            if let (year, anchor) = anchorYear(), let date = CalendarDay(year: year, month: month, day: day) {
                return (end - index, Self.dayValue(date, text: text(end), anchor: anchor))
            }
            return (end - index, Built(value: "XXXX-\(pad(month, 2))-\(pad(day, 2))"))
        }
        if word(cursor) == "of", let year = isYear(cursor + 1) { return (cursor + 2 - index, Self.monthValue(month, year, text: text(cursor + 2))) }
        if word(cursor) == ",", let year = isYear(cursor + 1) { return (cursor + 2 - index, Self.monthValue(month, year, text: text(cursor + 2))) }
        if let year = isYear(cursor) { return (cursor + 1 - index, Self.monthValue(month, year, text: text(cursor + 1))) }
        // A month alone that a following month and year complete ("March – April 1950", "in February
        // and again in September of 1947") takes that year.
        if let year = yearOfPartner(after: cursor) { return (cursor - index, Self.monthValue(month, year, text: text(cursor))) }
        // A month alone: the narrative's year ("in November").
        if let (year, anchor) = anchorYear() { return (cursor - index, Self.monthValue(month, year, text: text(cursor), anchor: anchor)) }
        return (cursor - index, Built(value: "XXXX-\(pad(month, 2))"))
    }

    /// The year of a month-and-year that follows within a few words, joined by a range or list word.
    func yearOfPartner(after start: Int) -> Int? {
        var joined = false
        for index in start..<min(tokens.count, start + 6) {
            if let word = word(index), ["-", "–", "—", "to", "and", "or", "until", "through"].contains(word) { joined = true }
            guard joined, monthAt(index) != nil else { continue }
            if let year = isYear(index + 1) { return year }
            if word(index + 1) == "of", let year = isYear(index + 2) { return year }
            return nil
        }
        return nil
    }

    /// "1 September 1939", "4 May", "the 4th of May 1943", "4 мая 1943 г.".
    func dayFirst(_ index: Int) -> (Int, Built)? {
        var cursor = index
        if word(cursor) == "the" { cursor += 1 }
        guard let (day, length) = dayAt(cursor) else { return nil }
        cursor += length
        if word(cursor) == "of" { cursor += 1 }
        let russian = word(cursor).flatMap { Self.russianMonths[$0] }
        guard let month = russian ?? monthAt(cursor) else { return nil }
        cursor += 1
        if word(cursor) == "." { cursor += 1 }
        var end = cursor
        var year: Int?
        if let found = isYear(cursor) {
            year = found
            end = cursor + 1
            if russian != nil, word(end) == "г" {
                end += 1
                if word(end) == "." { end += 1 }
            }
        }
        let text = words(index..<end)
        if let year, let date = CalendarDay(year: year, month: month, day: day) { return (end - index, Self.dayValue(date, text: text)) }
        if let (anchorYear, anchor) = anchorYear(), let date = CalendarDay(year: anchorYear, month: month, day: day) {
            return (end - index, Self.dayValue(date, text: text, anchor: anchor))
        }
        return nil
    }

    /// "1943-05-04", "04.05.1943", "24.VIII.1949", "1934-1949" (a span of years: the first year, then the second).
    func numericDate(_ index: Int) -> (Int, Built)? {
        guard index + 4 < tokens.count || index + 2 < tokens.count else { return nil }
        if let year = isYear(index), word(index + 1) == "-", index + 4 < tokens.count, let month = tokens[index + 2].number,
            word(index + 3) == "-", let day = tokens[index + 4].number, tokens[index + 2].lower.count == 2,
            let date = CalendarDay(year: year, month: month, day: day)
        {
            return (5, Self.dayValue(date, text: words(index..<(index + 5))))
        }
        if let day = tokens[index].number, tokens[index].lower.count <= 2, word(index + 1) == ".", index + 4 < tokens.count,
            word(index + 3) == ".", let year = isYear(index + 4)
        {
            let monthToken = tokens[index + 2]
            let month = monthToken.number ?? Self.roman[monthToken.lower]
            if let month, tokens[index + 2].kind == .number || monthToken.capitalised, let date = CalendarDay(year: year, month: month, day: day) {
                return (5, Self.dayValue(date, text: words(index..<(index + 5))))
            }
        }
        return nil
    }

    /// "1949年8月24日", "1949年8月", "1949年".
    func cjkDate(_ index: Int) -> (Int, Built)? {
        guard let year = isYear(index), word(index + 1) == "年" else { return nil }
        if let month = tokens.indices.contains(index + 2) ? tokens[index + 2].number : nil, word(index + 3) == "月" {
            if let day = tokens.indices.contains(index + 4) ? tokens[index + 4].number : nil, word(index + 5) == "日",
                let date = CalendarDay(year: year, month: month, day: day)
            {
                return (6, Self.dayValue(date, text: words(index..<(index + 6))))
            }
            if (1...12).contains(month) { return (4, Self.monthValue(month, year, text: words(index..<(index + 4)))) }
        }
        return (2, Self.yearValue(year, text: words(index..<(index + 2))))
    }

    /// "early 1950", "late December 1949", "mid-August", "the end of the year", "the middle of August".
    func qualified(_ index: Int) -> (Int, Built)? {
        var cursor = index
        var mod: String?
        switch word(cursor) {
        case "early":
            mod = "START"
            cursor += 1
        case "late":
            mod = "END"
            cursor += 1
        case "mid":
            mod = "MID"
            cursor += 1
            if word(cursor) == "-" { cursor += 1 }
        case "the":
            guard let position = word(cursor + 1), word(cursor + 2) == "of" else { return nil }
            switch position {
            case "end", "close": mod = "END"
            case "beginning", "start": mod = "START"
            case "middle": mod = "MID"
            default: return nil
            }
            cursor += 3
        default: return nil
        }
        let head = cursor
        if word(cursor) == "the" || word(cursor) == "that", let unit = word(cursor + 1), ["year", "month"].contains(unit) {
            cursor += 2
            let text = words(index..<cursor)
            if unit == "year", let (year, anchor) = anchorYear() {
                return (cursor - index, Self.yearValue(year, text: text, mod: mod, anchor: anchor))
            }
            if unit == "month", let lastMonth {
                return (
                    cursor - index, Self.monthValue(lastMonth.month, lastMonth.year, text: text, mod: mod, anchor: "narrative: \(lastMonth.words)")
                )
            }
            return nil
        }
        if let year = isYear(cursor) { return (cursor + 1 - index, Self.yearValue(year, text: words(index..<(cursor + 1)), mod: mod)) }
        if let (length, inner) = monthFirst(head) ?? season(head) {
            var built = inner
            built.mod = mod
            if let date = inner.date {
                built.date = DateValue(
                    period: date.period, precision: date.precision, qualifiers: Self.qualifiers(mod), text: words(index..<(head + length)))
            }
            return (head + length - index, built)
        }
        return nil
    }

    /// "spring 1946", "the summer of 1941", "the following spring", "that winter".
    func season(_ index: Int) -> (Int, Built)? {
        var cursor = index
        var shift = 0
        if ["the", "that", "this"].contains(word(cursor) ?? "") { cursor += 1 }
        if ["following", "next"].contains(word(cursor) ?? "") {
            shift = 1
            cursor += 1
        } else if ["previous", "last", "preceding"].contains(word(cursor) ?? "") {
            shift = -1
            cursor += 1
        }
        guard let name = word(cursor), let season = Self.seasons[name] else { return nil }
        if cursor > index && word(index) == "the" && shift == 0 && isYear(cursor + 1) == nil && word(cursor + 1) != "of" && lastYear == nil {
            return nil
        }
        cursor += 1
        var year: Int?
        var anchor: String?
        if word(cursor) == "of", let found = isYear(cursor + 1) {
            year = found
            cursor += 2
        } else if let found = isYear(cursor) {
            year = found
            cursor += 1
        } else if let (found, source) = anchorYear() {
            year = found + shift
            anchor = source
        }
        guard let year else { return nil }
        let first = CalendarDay.first(ofMonth: season.month, year: year)
        let lastMonth = season.month + 2
        let last = lastMonth > 12 ? CalendarDay.last(ofMonth: lastMonth - 12, year: year + 1) : CalendarDay.last(ofMonth: lastMonth, year: year)
        let text = words(index..<cursor)
        return (
            cursor - index,
            Built(
                value: "\(Self.yearString(year))-\(season.code)", date: DateValue(period: first...last, precision: .season, text: text),
                anchor: anchor)
        )
    }

    /// "the 1940s", "1940s".
    func decade(_ index: Int) -> (Int, Built)? {
        var cursor = index
        if word(cursor) == "the" { cursor += 1 }
        guard let year = isYear(cursor), year % 10 == 0, let next = word(cursor + 1), next == "s" || next == "'",
            tokens[cursor + 1].start == tokens[cursor].end
        else {
            return nil
        }
        var end = cursor + 2
        if next == "'", word(end) == "s" { end += 1 }
        let first = CalendarDay.first(ofMonth: 1, year: year)
        let last = CalendarDay.last(ofMonth: 12, year: year + 9)
        return (
            end - index,
            Built(value: String(pad(year, 4).dropLast()), date: DateValue(period: first...last, precision: .decade, text: words(index..<end)))
        )
    }

    /// "two days later", "a week earlier", "three years ago", "the next day", "the following year", "that year", "the same day".
    func relative(_ index: Int) -> (Int, Built)? {
        // "N units later/earlier/after/before/ago"
        if let (amount, length) = amount(index), let unitWord = word(index + length), let unit = Self.units[unitWord], !unit.time,
            let direction = word(index + length + 1), ["later", "earlier", "after", "before", "ago", "afterwards", "afterward"].contains(direction)
        {
            let end = index + length + 2
            let sign = ["earlier", "before", "ago"].contains(direction) ? -1 : 1
            let text = words(index..<end)
            guard let amount, let (day, source) = anchorDay() ?? anchorYear().map({ (CalendarDay.first(ofMonth: 1, year: $0.0), $0.1) }) else {
                return (end - index, Built(value: sign > 0 ? "FUTURE_REF" : "PAST_REF"))
            }
            switch unit.code {
            case "D": return (end - index, Self.dayValue(day.adding(days: sign * amount), text: text, anchor: source))
            case "W": return (end - index, Self.dayValue(day.adding(days: sign * amount * 7), text: text, anchor: source))
            case "M":
                let total = day.year * 12 + (day.month - 1) + sign * amount
                return (end - index, Self.monthValue(total % 12 + 1, total / 12, text: text, anchor: source))
            case "Y": return (end - index, Self.yearValue(day.year + sign * amount, text: text, anchor: source))
            default: return nil
            }
        }
        // "the next day", "the following week", "the previous year", "that year", "the same day", "that same day", "the day before/after"
        var cursor = index
        guard ["the", "that", "this"].contains(word(cursor) ?? "") else { return nil }
        let determiner = word(cursor)!
        cursor += 1
        var shift = 0
        switch word(cursor) {
        case "next", "following", "subsequent":
            shift = 1
            cursor += 1
        case "previous", "preceding", "prior":
            shift = -1
            cursor += 1
        case "same": cursor += 1
        default: if determiner == "the" && word(cursor) != "day" { return nil }
        }
        guard let unit = word(cursor), ["day", "week", "month", "year", "morning", "evening", "night"].contains(unit) else { return nil }
        cursor += 1
        if determiner == "the" && shift == 0 && unit == "day" {
            switch word(cursor) {
            case "after":
                shift = 1
                cursor += 1
            case "before":
                shift = -1
                cursor += 1
            default: if word(index + 1) != "same" { return nil }
            }
        }
        let text = words(index..<cursor)
        switch unit {
        case "day", "morning", "evening", "night":
            guard let (day, source) = anchorDay() else { return nil }
            return (cursor - index, Self.dayValue(day.adding(days: shift), text: text, anchor: source))
        case "week":
            guard let (day, source) = anchorDay() else { return nil }
            let target = day.adding(days: 7 * shift)
            return (cursor - index, Built(value: "\(pad(target.year, 4))-W\(pad(Self.isoWeek(target), 2))", anchor: source))
        case "month":
            guard let lastMonth else { return nil }
            let total = lastMonth.year * 12 + (lastMonth.month - 1) + shift
            return (cursor - index, Self.monthValue(total % 12 + 1, total / 12, text: text, anchor: "narrative: \(lastMonth.words)"))
        default:
            guard let (year, source) = anchorYear() else { return nil }
            return (cursor - index, Self.yearValue(year + shift, text: text, anchor: source))
        }
    }

    static func isoWeek(_ day: CalendarDay) -> Int {
        let ordinal = day.daysSinceEpoch - CalendarDay.first(ofMonth: 1, year: day.year).daysSinceEpoch + 1
        let weekday = (day.daysSinceEpoch + 3) % 7 + 1  // 1970-01-01 was a Thursday; Monday = 1
        return max(1, min(53, (ordinal - weekday + 10) / 7))
    }

    /// "three days", "ten years", "a few weeks", "two hours".
    func duration(_ index: Int) -> (Int, Built)? {
        guard let (amount, length) = amount(index), let unitWord = word(index + length), let unit = Self.units[unitWord] else { return nil }
        if let next = word(index + length + 1), ["later", "earlier", "after", "before", "ago"].contains(next) { return nil }
        let count = amount.map(String.init) ?? "X"
        let value = unit.time ? "PT\(count)\(unit.code)" : "P\(count)\(unit.code == "DE" ? "0Y" : unit.code == "CE" ? "00Y" : unit.code)"
        let fixed = unit.code == "DE" ? amount.map { "P\($0 * 10)Y" } : unit.code == "CE" ? amount.map { "P\($0 * 100)Y" } : nil
        return (length + 1, Built(type: .duration, value: fixed ?? value))
    }

    /// "every year", "each month", "annually", "daily".
    func setExpression(_ index: Int) -> (Int, Built)? {
        switch word(index) {
        case "every", "each":
            guard let unit = word(index + 1), let code = Self.units[unit], !unit.hasSuffix("s") else { return nil }
            return (2, Built(type: .set, value: code.time ? "PT1\(code.code)" : "P1\(code.code)"))
        case "annually", "yearly": return (1, Built(type: .set, value: "P1Y"))
        case "monthly": return (1, Built(type: .set, value: "P1M"))
        case "weekly": return (1, Built(type: .set, value: "P1W"))
        case "daily": return (1, Built(type: .set, value: "P1D"))
        default: return nil
        }
    }

    /// "23:00", "07:45 on the 27th", "2 p.m.".
    func clockTime(_ index: Int) -> (Int, Built)? {
        guard let hour = tokens[index].number, hour <= 24 else { return nil }
        var minute = 0
        var cursor = index + 1
        if word(cursor) == ":", cursor + 1 < tokens.count, let found = tokens[cursor + 1].number, tokens[cursor + 1].lower.count == 2, found < 60 {
            minute = found
            cursor += 2
        } else if let meridiem = word(cursor), ["a", "p"].contains(meridiem), word(cursor + 1) == ".", word(cursor + 2) == "m" {
            cursor += 3
            if word(cursor) == "." { cursor += 1 }
            let hours = meridiem == "p" && hour < 12 ? hour + 12 : (meridiem == "a" && hour == 12 ? 0 : hour)
            return timeBuilt(hours, 0, index, cursor)
        } else {
            return nil
        }
        return timeBuilt(hour, minute, index, cursor)
    }

    func timeBuilt(_ hour: Int, _ minute: Int, _ index: Int, _ end: Int) -> (Int, Built)? {
        var cursor = end
        var day = anchorDay()
        // "07:45 on the 27th": the day of the anchor's month.
        if word(cursor) == "on", word(cursor + 1) == "the", let (number, length) = dayAt(cursor + 2), let anchor = day,
            let date = CalendarDay(year: anchor.0.year, month: anchor.0.month, day: number)
        {
            day = (date, anchor.1)
            cursor += 2 + length
        }
        let clock = "T\(pad(hour, 2)):\(pad(minute, 2))"
        let value = (day.map { $0.0.description } ?? "XXXX-XX-XX") + clock
        return (cursor - index, Built(type: .time, value: value, date: day.map { .day($0.0, text: words(index..<cursor)) }, anchor: day?.1))
    }

    /// "until March", "before the winter", "by late 1950", "after 4 May": a bound on a month, season or
    /// day sets the mod; the bounding word stays outside the extent.
    func bounded(_ index: Int) -> (Int, Built)? {
        let mods = [
            "by": "ON_OR_BEFORE", "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE", "before": "BEFORE", "after": "AFTER", "since": "ON_OR_AFTER",
        ]
        guard let word = word(index), let mod = mods[word] else { return nil }
        let head = index + 1
        guard let (length, inner) = dayFirst(head) ?? monthFirst(head) ?? season(head) ?? qualified(head), inner.type == .date, inner.mod == nil,
            let date = inner.date
        else { return nil }
        var built = inner
        built.mod = mod
        built.date = DateValue(period: date.period, precision: date.precision, qualifiers: Self.qualifiers(mod), text: words(head..<(head + length)))
        built.leading = 1
        return (length + 1, built)
    }

    /// "22" in "from 22 to 27 August 1949" or "22-27 August 1949": the first day takes the month and
    /// year of the second.
    func dayBeforeRange(_ index: Int) -> (Int, Built)? {
        guard let (day, length) = dayAt(index), let connector = word(index + length), ["to", "-", "–", "and", "until"].contains(connector),
            let (secondLength, second) = dayFirst(index + length + 1), let end = second.date?.period.lowerBound, secondLength > 1,
            let date = CalendarDay(year: end.year, month: end.month, day: day), date <= end
        else { return nil }
        return (
            length,
            Self.dayValue(
                date, text: words(index..<(index + length)), anchor: "range: \(words((index + length + 1)..<(index + length + 1 + secondLength)))")
        )
    }

    /// "26, 1949": a day and a year with the month missing. The year at year precision, with the
    /// issue `month-missing`; never a guessed month.
    func dayYearWithoutMonth(_ index: Int) -> (Int, Built)? {
        guard let (_, length) = dayAt(index), word(index + length) == ",", let year = isYear(index + length + 1) else { return nil }
        if index > 0, monthAt(index - 1, requireCapital: false) != nil { return nil }
        var built = Self.yearValue(year, text: words(index..<(index + length + 2)))
        built.issues = ["month-missing"]
        return (length + 2, built)
    }

    /// "now", "today", "currently", "at present".
    func present(_ index: Int) -> (Int, Built)? {
        switch word(index) {
        case "now", "today", "currently", "nowadays": return (1, Built(value: "PRESENT_REF"))
        case "at" where word(index + 1) == "present": return (2, Built(value: "PRESENT_REF"))
        default: return nil
        }
    }

    /// "1939", "by 1951" (on or before), "before 1945", "after 1950", "in 1949".
    func yearAlone(_ index: Int) -> (Int, Built)? {
        var cursor = index
        var mod: String?
        switch word(cursor) {
        case "by", "until", "till":
            mod = "ON_OR_BEFORE"
            cursor += 1
        case "before":
            mod = "BEFORE"
            cursor += 1
        case "after":
            mod = "AFTER"
            cursor += 1
        case "since":
            mod = "ON_OR_AFTER"
            cursor += 1
        case "around", "circa", "about":
            mod = "APPROX"
            cursor += 1
        default: break
        }
        guard let (year, yearLength) = isYearWithEra(cursor) else { return nil }
        // "1,500 men" splits as 1 , 500; "1939 troops" is a count.
        if let next = word(cursor + yearLength), Self.countNouns.contains(next) { return nil }
        if cursor > 0, word(cursor - 1) == ",", cursor > 1, tokens[cursor - 2].kind == .number, tokens[cursor - 1].end == tokens[cursor].start {
            return nil
        }
        // The qualifier word ("by") sets the mod but stays outside the expression's extent, as in TimeML.
        var built = Self.yearValue(year, text: words(cursor..<(cursor + yearLength)), mod: mod)
        built.leading = cursor - index
        return (cursor + yearLength - index, built)
    }
}
