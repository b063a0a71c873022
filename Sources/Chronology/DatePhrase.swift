/// Reads a whole phrase that is meant to be one date, such as a record's display date or the date
/// field of a citation: "February 6, 1949", "6 February 1949", "August 1949", "1949", "1949-02-06".
///
/// It never guesses: "26, 1949" (a day and year with the month missing) becomes the year 1949 at
/// year precision with a ``DatePhrase/Issue/monthMissing`` issue, not a made-up month.
public enum DatePhrase {
    /// A defect noticed while reading a phrase; the value is still as honest as the text allows.
    public enum Issue: String, Sendable, Codable, Equatable {
        /// A day and a year but no month ("26, 1949").
        case monthMissing = "month-missing"
        /// A zero-padded day ("February 04, 1949"); harmless, reported for citation hygiene.
        case zeroPaddedDay = "zero-padded-day"
        /// The day does not exist in that month ("February 30, 1949"); read at month precision.
        case impossibleDay = "impossible-day"
        /// Nothing in the phrase could be read as a date.
        case unreadable = "unreadable"
    }

    /// The outcome of reading a phrase.
    public struct Reading: Sendable, Equatable {
        /// The date value, or `nil` when the phrase holds no date.
        public var value: DateValue?
        /// Defects noticed, in the order found.
        public var issues: [Issue]
    }

    /// English month names and their common abbreviations, lower-cased, to month numbers.
    public static let monthNames: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december",
        ]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    /// Reads `phrase` as a single date.
    public static func read(_ phrase: String) -> Reading {
        let text = phrase.trimmingWhitespace()
        // ISO 8601 first (1949-02-06, 1949-02, 1949): the common case in attributes, read without tokens.
        if let iso = readISO(text) { return iso }
        let parts = Parts(ascii: text) ?? Parts(tokenize(text))
        guard let year = parts.year else { return Reading(value: nil, issues: text.isEmpty ? [] : [.unreadable]) }
        let (day, month) = (parts.day, parts.month)
        var issues: [Issue] = []
        if let day, day.zeroPadded { issues.append(.zeroPaddedDay) }
        switch (month, day) {
        case (let month?, let day?):
            if let calendarDay = CalendarDay(year: year, month: month, day: day.value) {
                return Reading(value: .day(calendarDay, text: text), issues: issues)
            }
            return Reading(value: .month(month, year: year, text: text), issues: issues + [.impossibleDay])
        case (let month?, nil):
            return Reading(value: .month(month, year: year, text: text), issues: issues)
        case (nil, .some):
            return Reading(value: .year(year, text: text), issues: issues + [.monthMissing])
        case (nil, nil):
            return Reading(value: .year(year, text: text), issues: issues)
        }
    }

    /// The parts of an ISO 8601 calendar date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (month 1-12; the
    /// day is not checked against the month), read byte by byte; nil for anything else.
    public static func isoParts(_ text: some StringProtocol) -> (year: Int, month: Int?, day: Int?)? {
        let utf8 = text.utf8
        guard [4, 7, 10].contains(utf8.count) else { return nil }
        // Read in place (no copy of the bytes: this is tried first for every date phrase).
        return utf8.withContiguousStorageIfAvailable(isoParts(bytes:)) ?? Array(utf8).withUnsafeBufferPointer(isoParts(bytes:))
    }

    private static func isoParts(bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int?, day: Int?)? {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard ASCII.isDigit(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4) else { return nil }
        if bytes.count == 4 { return (year, nil, nil) }
        guard bytes[4] == 0x2D, let month = number(5..<7), (1...12).contains(month) else { return nil }
        if bytes.count == 7 { return (year, month, nil) }
        guard bytes[7] == 0x2D, let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    /// An ISO 8601 year, month or day (`1949`, `1949-08`, `1949-08-27`), read without trimming or
    /// tokenizing: the first thing ``read(_:)`` tries, for callers whose text is an attribute value
    /// or a finding aid's date. Nil when the text is not one.
    public static func readISO(_ text: String) -> Reading? {
        guard let (year, month, day) = isoParts(text) else { return nil }
        guard let month else { return Reading(value: .year(year, text: text), issues: []) }
        guard let day else { return Reading(value: .month(month, year: year, text: text), issues: []) }
        guard let calendarDay = CalendarDay(year: year, month: month, day: day) else {
            return Reading(value: .month(month, year: year, text: text), issues: [.impossibleDay])
        }
        return Reading(value: .day(calendarDay, text: text), issues: [])
    }

    /// What a phrase's tokens say: the first month name, the first four-digit number (the year),
    /// and the first number of one or two digits from 1 to 31 (the day), with whether it was
    /// written with a leading zero.
    struct Parts: Equatable {
        var day: (value: Int, zeroPadded: Bool)?
        var month: Int?
        var year: Int?

        static func == (a: Parts, b: Parts) -> Bool {
            a.day?.value == b.day?.value && a.day?.zeroPadded == b.day?.zeroPadded && a.month == b.month && a.year == b.year
        }

        init() {}

        /// From tokens (any script).
        init(_ tokens: [Token]) {
            for token in tokens {
                switch token {
                case .word(let word):
                    if month == nil, let number = monthNames[word.lowercased()] { month = number }
                case .number(let digits):
                    note(Int(digits), digits: digits.count, leadingZero: digits.first == "0")
                }
            }
        }

        /// From ASCII text, byte by byte, tokenized as ``tokenize(_:)`` does but without making a
        /// string of each token; nil when the text is not all ASCII (then read its tokens).
        init?(ascii text: String) {
            var inDigits = false
            var length = 0
            var value = 0
            var leadingZero = false
            var word = SIMD2<UInt64>()  // the word's first sixteen bytes, lower-cased (see monthCodes)
            func flush() {
                defer { length = 0 }
                guard length > 0 else { return }
                if inDigits {
                    // Only runs of one, two or four digits can be a day or a year.
                    if length <= 4 { note(value, digits: length, leadingZero: leadingZero) }
                } else if month == nil, length <= 16 {
                    month = DatePhrase.monthCodes[word]
                }
            }
            for byte in text.utf8 {
                guard byte < 0x80 else { return nil }
                if ASCII.isDigit(byte) {
                    if !inDigits { flush() }
                    if length == 0 {
                        value = 0
                        leadingZero = byte == 0x30
                    }
                    inDigits = true
                    if length < 4 { value = value * 10 + Int(byte &- 0x30) }
                    length += 1
                } else if ASCII.isLetter(byte) {
                    if inDigits {
                        // Ordinal suffixes ("4th") belong to the number before them.
                        if "stnrdhSTNRDH".utf8.contains(byte) { continue }
                        flush()
                    }
                    if length == 0 || inDigits { word = SIMD2() }
                    inDigits = false
                    if length < 16 { DatePhrase.pack(byte | 0x20, at: length, into: &word) }
                    length += 1
                } else {
                    flush()
                    inDigits = false
                }
            }
            flush()
        }

        mutating func note(_ number: Int?, digits: Int, leadingZero: Bool) {
            guard let number else { return }
            if digits == 4 && year == nil {
                year = number
            } else if digits <= 2 && day == nil && (1...31).contains(number) {
                day = (number, digits == 2 && leadingZero)
            }
        }
    }

    /// ``monthNames`` keyed by their bytes, packed eight to an integer (every name is shorter than
    /// sixteen letters), so that a word read byte by byte is looked up without making a string.
    static let monthCodes: [SIMD2<UInt64>: Int] = {
        var codes: [SIMD2<UInt64>: Int] = [:]
        for (name, number) in monthNames {
            var code = SIMD2<UInt64>()
            for (position, byte) in name.utf8.enumerated() { pack(byte, at: position, into: &code) }
            codes[code] = number
        }
        return codes
    }()

    /// Puts `byte` at `position` (0-15) of a packed word.
    static func pack(_ byte: UInt8, at position: Int, into code: inout SIMD2<UInt64>) {
        code[position / 8] |= UInt64(byte) << UInt64(8 * (position % 8))
    }

    enum Token: Equatable {
        case word(String)
        case number(String)
    }

    /// The words and numbers of `text`, by Characters (any script): what ``Parts`` reads, and the
    /// reference its byte-by-byte reading of ASCII text is tested against.
    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var currentIsDigit = false
        func flush() {
            if !current.isEmpty { tokens.append(currentIsDigit ? .number(current) : .word(current)) }
            current = ""
        }
        for character in text {
            if character.isASCIIDigit {
                if !currentIsDigit { flush() }
                currentIsDigit = true
                current.append(character)
            } else if character.isLetter {
                if currentIsDigit {
                    // Ordinal suffixes ("4th") belong to the number before them.
                    if ["s", "t", "n", "r", "d", "h"].contains(character.lowercased()) { continue }
                    flush()
                }
                currentIsDigit = false
                current.append(character)
            } else {
                flush()
                currentIsDigit = false
            }
        }
        flush()
        return tokens
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        // The common case, read from the bytes: text that starts and ends with an ASCII character
        // that is not white space has nothing to trim.
        let whole = String(self)
        if let first = whole.utf8.first, let last = whole.utf8.last, first < 0x80, last < 0x80,
            !ASCII.isSpace(first), !ASCII.isSpace(last)
        {
            return whole
        }
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
