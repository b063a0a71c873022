import Testing

@testable import Chronology

@Suite("Reading one date phrase")
struct DatePhraseTests {
    @Test(
        "full, month-only, year-only and ISO dates keep their precision",
        arguments: [
            ("February 6, 1949", "1949-02-06", DatePrecision.day),
            ("February 04, 1949", "1949-02-04", .day),
            ("6 February 1949", "1949-02-06", .day),
            ("May 4th, 1943", "1943-05-04", .day),
            ("Sept. 26, 1949", "1949-09-26", .day),
            ("August 1949", "1949-08", .month),
            ("Aug 1949", "1949-08", .month),
            ("1949", "1949", .year),
            ("1949-02-06", "1949-02-06", .day),
            ("1949-02", "1949-02", .month),
        ])
    func reads(phrase: String, edtf: String, precision: DatePrecision) throws {
        let value = try #require(DatePhrase.read(phrase).value)
        #expect(value.edtf == edtf)
        #expect(value.precision == precision)
        #expect(value.text == phrase)
    }

    @Test("a day and year without a month is the year, with a warning, never a guessed month")
    func monthMissing() throws {
        let reading = DatePhrase.read("26, 1949")
        let value = try #require(reading.value)
        #expect(value.precision == .year)
        #expect(value.edtf == "1949")
        #expect(reading.issues == [.monthMissing])
    }

    @Test("a zero-padded day is read and reported")
    func zeroPadded() {
        #expect(DatePhrase.read("February 04, 1949").issues == [.zeroPaddedDay])
        #expect(DatePhrase.read("February 4, 1949").issues.isEmpty)
    }

    @Test("an impossible day falls back to the month and says so")
    func impossibleDay() throws {
        let reading = DatePhrase.read("February 30, 1949")
        #expect(try #require(reading.value).edtf == "1949-02")
        #expect(reading.issues == [.impossibleDay])
    }

    @Test("ISO parts: a year, a year and month, a full day; nothing else")
    func isoParts() {
        func parts(_ text: String) -> [Int?]? { DatePhrase.isoParts(text).map { [$0.year, $0.month, $0.day] } }
        #expect(parts("1949") == [1949, nil, nil])
        #expect(parts("1949-08") == [1949, 8, nil])
        #expect(parts("1949-08-27") == [1949, 8, 27])
        #expect(parts("1949-02-31") == [1949, 2, 31], "the day is not checked against the month")
        for text in ["", "949", "19490", "1949-13", "1949-00", "1949/08", "1949-8-27", "1949-08-2x", "19490827", "１９４９", "1949-08-27T"] {
            #expect(parts(text) == nil, "\(text)")
        }
        let line = "date: 1949-08-27."
        #expect(DatePhrase.isoParts(line.dropFirst(6).dropLast()).map { [$0.year, $0.month, $0.day] } == [1949, 8, 27])
    }

    @Test("an ASCII phrase read byte by byte gives the same day, month and year as its tokens, on chosen and random phrases")
    func asciiParts() {
        var phrases = [
            "12 Oct. 1955", "Dec. 1952", "8-10 May 1969", "28-30 Dec. 1953", "17 Sept. 1983", "SEPTEMBER 4th, 1949", "september1949",
            "septembers 1949", "Septemberx 1949", "4th5 May 1949", "4the May 1949", "04 June 1950", "0 May 1949", "32 May 1949",
            "May 1949 1950", "12345 1949", "1949 12345678901234567890", "mayday 1949", "undated", "", " ", "1970s", "circa 1940",
            "2nd1949", "Jan Feb 1950", "feb. 29, 1948", "5Dec1949", "ABC123def456", "Jun. 1960 - Feb. 1961", "August 27th, 1949",
            "4th of July 1950", "1st-3rd May 1949", "circa 1940s", "26, 1949", "  7 Nov.\t1955 ", "0 9 12x 3rd", "Sept.", "12\r\nOct 1955",
            "1949-08-27T14:00:00+01:00", "late December 1949", "Q3 1955",
        ]
        var generator = SystemRandomNumberGenerator()
        let pieces = ["1", "04", "12", "31", "1949", "20", "st", "th", "nd", "May", "sept", "September", "Oct.", "x", " ", ",", "-", "/", "Junes"]
        for _ in 0..<2000 {
            let count = Int.random(in: 1...6, using: &generator)
            phrases.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for phrase in phrases {
            #expect(DatePhrase.Parts(ascii: phrase) == DatePhrase.Parts(DatePhrase.tokenize(phrase)), "\(phrase)")
        }
        for phrase in ["27 août 1949", "12 Окт. 1955", "1949年8月27日"] {
            #expect(DatePhrase.Parts(ascii: phrase) == nil, "\(phrase)")
        }
        let parts = DatePhrase.Parts(ascii: "SEPTEMBER 04th, 1949")
        #expect(parts?.month == 9 && parts?.year == 1949 && parts?.day?.value == 4 && parts?.day?.zeroPadded == true)
    }

    @Test("tokens: ordinal suffixes stay with their number; the text kept is trimmed of white space, ASCII or not")
    func tokensAndTrimming() {
        #expect(DatePhrase.tokenize("4th Sept. 1955") == [.number("4"), .word("Sept"), .number("1955")])
        #expect(DatePhrase.tokenize("27 août 1949") == [.number("27"), .word("août"), .number("1949")])
        #expect(DatePhrase.read("27 août 1949").value?.edtf == "1949", "août is no English month: the year")
        #expect(DatePhrase.read(" 12 Oct. 1955\n").value?.text == "12 Oct. 1955")
        #expect(DatePhrase.read("\u{00A0}12 Oct. 1955\u{2003}").value?.text == "12 Oct. 1955")
        #expect(DatePhrase.read("12 Oct. 1955").value?.text == "12 Oct. 1955")
        #expect(DatePhrase.read("\r\n1955\r\n").value?.text == "1955")
    }

    @Test("text without a year is no date", arguments: ["", "Memorandum of Conversation", "February 6"])
    func noDate(phrase: String) {
        #expect(DatePhrase.read(phrase).value == nil)
    }
}

@Suite("Date values")
struct DateValueTests {
    @Test("a month contains its days and overlaps them; different days do not overlap")
    func comparisons() throws {
        let august = DateValue.month(8, year: 1949, text: "August 1949")
        let day24 = DateValue.day(try #require(CalendarDay(year: 1949, month: 8, day: 24)), text: "24 August 1949")
        let day25 = DateValue.day(try #require(CalendarDay(year: 1949, month: 8, day: 25)), text: "25 August 1949")
        #expect(august.contains(day24))
        #expect(august.overlaps(day25))
        #expect(!day24.overlaps(day25))
        #expect(day24.isBefore(day25))
        #expect(day25.isAfter(day24))
        #expect(!august.contains(DateValue.year(1949, text: "1949")))
    }

    @Test("qualifiers narrow or open the interval and print as EDTF")
    func qualifiers() {
        let late = DateValue.month(12, year: 1949, text: "late December 1949", qualifiers: [.late])
        #expect(late.earliest?.description == "1949-12-21")
        #expect(late.latest?.description == "1949-12-31")
        #expect(late.timex3Mod == "END")
        let by1951 = DateValue.year(1951, text: "by 1951", qualifiers: [.onOrBefore])
        #expect(by1951.earliest == nil)
        #expect(by1951.latest?.description == "1951-12-31")
        #expect(by1951.edtf == "../1951")
        let about = DateValue.year(1946, text: "about 1946", qualifiers: [.approximate])
        #expect(about.edtf == "1946~")
    }

    @Test("day arithmetic round-trips across leap years and centuries", arguments: [-800_000, -1, 0, 59, 365 * 30 + 7, 11_016])
    func epochRoundTrip(days: Int) {
        let day = CalendarDay(daysSinceEpoch: days)
        #expect(day.daysSinceEpoch == days)
        #expect(CalendarDay(year: day.year, month: day.month, day: day.day) == day)
    }

    @Test("two days after 4 February 1949 is 6 February; 1900 is not a leap year, 2000 is")
    func arithmetic() throws {
        let day = try #require(CalendarDay(year: 1949, month: 2, day: 4))
        #expect(day.adding(days: 2).description == "1949-02-06")
        #expect(CalendarDay(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2000, month: 2, day: 29) != nil)
    }
}
