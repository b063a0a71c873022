import Chronology
import Testing

@Suite("DateTagger: temporal expressions found and normalised")
struct DateTaggerTests {
    /// (sentence, the expression's words, its TIMEX3 value, its mod)
    static let forms: [(String, String, String, String?)] = [
        ("On August 24, 1949 the leaders boarded a plane.", "August 24, 1949", "1949-08-24", nil),
        ("It was signed on May 4, 1943.", "May 4, 1943", "1943-05-04", nil),
        ("It was signed on 4 May 1943.", "4 May 1943", "1943-05-04", nil),
        ("The citation says February 04, 1949.", "February 04, 1949", "1949-02-04", nil),
        ("Dated 1943-05-04 in the register.", "1943-05-04", "1943-05-04", nil),
        ("Dated 04.05.1943 in the register.", "04.05.1943", "1943-05-04", nil),
        ("Dated 24.VIII.1949 in the register.", "24.VIII.1949", "1949-08-24", nil),
        ("It happened on the 4th of May 1943.", "the 4th of May 1943", "1943-05-04", nil),
        ("It happened in August 1949.", "August 1949", "1949-08", nil),
        ("It happened in February of 1940.", "February of 1940", "1940-02", nil),
        ("In 1949 he had to wait until March – April 1950.", "March", "1950-03", "ON_OR_BEFORE"),
        ("In 1945 he came twice, in February and again in September of 1947.", "February", "1947-02", nil),
        ("It happened in 1949.", "1949", "1949", nil),
        ("Unrest grew in the 1940s.", "the 1940s", "194", nil),
        ("Talks began in spring 1946.", "spring 1946", "1946-SP", nil),
        ("In late December 1949 the PLA entered Ghulja.", "late December 1949", "1949-12", "END"),
        ("Growth slowed in early 1950.", "early 1950", "1950", "START"),
        ("They would hold the province by 1951.", "1951", "1951", "ON_OR_BEFORE"),
        ("The garrison held out until March 1950.", "March 1950", "1950-03", "ON_OR_BEFORE"),
        ("They withdrew before the winter of 1949.", "the winter of 1949", "1949-WI", "BEFORE"),
        ("Телеграмма от 4 мая 1943 г. получена.", "4 мая 1943 г.", "1943-05-04", nil),
        ("电报日期为1949年8月24日。", "1949年8月24日", "1949-08-24", nil),
        ("The Persians invaded in 490 BC.", "490 BC", "BC0490", nil),
        ("The siege lasted three days.", "three days", "P3D", nil),
        ("The war lasted ten years.", "ten years", "P10Y", nil),
        ("Every year the delegation met.", "Every year", "P1Y", nil),
        ("As of now the archive is closed.", "now", "PRESENT_REF", nil),
    ]

    @Test("every form is found with its words and value", arguments: forms)
    func form(sentence: String, words: String, value: String, mod: String?) throws {
        let found = DateTagger().tag(sentence)
        let expression = try #require(found.first { $0.text == words }, "\(found.map(\.text))")
        #expect(expression.value == value)
        #expect(expression.mod == mod)
        let scalars = Array(sentence.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[expression.start..<expression.end])) == words)
    }

    @Test("\"Two days later\" after \"On February 4, 1949\" is 6 February 1949, anchored to the narrative")
    func twoDaysLater() throws {
        let found = DateTagger().tag("On February 4, 1949 Mikoyan met Mao. Two days later, in another meeting with Mikoyan, Mao spoke again.")
        let later = try #require(found.first { $0.text == "Two days later" })
        #expect(later.value == "1949-02-06")
        #expect(later.anchor == "narrative: February 4, 1949")
        #expect(later.date?.anchor == "narrative: February 4, 1949")
        #expect(later.edtf == "1949-02-06")
    }

    @Test("relative expressions of a letter resolve against its own date; the anchor is recorded")
    func documentAnchor() throws {
        let tagger = DateTagger(options: .init(documentDate: CalendarDay(year: 1949, month: 9, day: 26), anchorToDocumentDate: true))
        let found = tagger.tag(
            "We received your cable of 1 August. The next day the troops moved; in November they will reach Urumqi. It arrived at 07:45 on the 27th.")
        #expect(found.first { $0.text == "The next day" }?.value == "1949-09-27")
        #expect(found.first { $0.text == "The next day" }?.anchor == "document date")
        #expect(found.first { $0.text == "November" }?.value == "1949-11")
        #expect(found.first { $0.text == "07:45 on the 27th" }?.value == "1949-09-27T07:45")
        #expect(found.first { $0.text == "07:45 on the 27th" }?.type == .time)
    }

    @Test("\"26, 1949\" (month missing) is the year 1949 with a warning, never a guessed month")
    func monthMissing() throws {
        let expression = try #require(DateTagger().tag("The cable of 26, 1949 arrived.").first)
        #expect(expression.text == "26, 1949")
        #expect(expression.value == "1949")
        #expect(expression.date?.precision == .year)
        #expect(expression.issues == ["month-missing"])
    }

    @Test("values are honest intervals: a month is the whole month, \"by 1951\" is open before")
    func intervals() throws {
        let found = DateTagger().tag("In August 1949 it began; by 1951 it was over.")
        #expect(found[0].date?.earliest?.description == "1949-08-01" && found[0].date?.latest?.description == "1949-08-31")
        #expect(found[1].date?.earliest == nil && found[1].date?.latest?.description == "1951-12-31")
    }

    @Test(
        "ordinary words and counts are not dates",
        arguments: [
            "They may march at dawn.", "He said he would march.", "1500 soldiers crossed the river.", "The 1,949 prisoners were freed.",
        ])
    func notDates(sentence: String) {
        #expect(DateTagger().tag(sentence).isEmpty, "\(DateTagger().tag(sentence).map(\.text))")
    }

    @Test("TimeML: TEXT and DCT are read without tags; the output carries inline TIMEX3 tags at the same places")
    func timeml() {
        let xml =
            #"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1949-09-26">1949-09-26</TIMEX3></DCT><TEXT>On <TIMEX3 tid="t1" type="DATE" value="1949-08-24">August 24, 1949</TIMEX3> &amp; later.</TEXT></TimeML>"#
        let document = TimeML.read(xml)
        #expect(document.text == "On August 24, 1949 & later.")
        #expect(document.creationDate == CalendarDay(year: 1949, month: 9, day: 26))
        let written = TimeML.write(xml, text: document.text, expressions: DateTagger().tag(document.text))
        #expect(written.contains(#"<TEXT>On <TIMEX3 tid="t1" type="DATE" value="1949-08-24">August 24, 1949</TIMEX3> &amp; later.</TEXT>"#))
        #expect(written.hasPrefix("<TimeML><DCT>"))
    }
}

@Suite("DateTagger ranges and comparisons at a precision")
struct DateRangeTests {
    @Test(
        "ranges give one interval from the start of the first end to the end of the second",
        arguments: [
            ("Fighting went on from 1934-1949 in the region.", "1934-01-01", "1949-12-31"),
            ("Talks ran from 22 to 27 August 1949.", "1949-08-22", "1949-08-27"),
            ("Talks ran between May and July 1950.", "1950-05-01", "1950-07-31"),
        ])
    func range(sentence: String, earliest: String, latest: String) throws {
        let tagger = DateTagger()
        let expressions = tagger.tag(sentence)
        let range = try #require(tagger.ranges(in: sentence, expressions: expressions).first, "\(expressions.map(\.text))")
        #expect(range.interval.earliest?.description == earliest)
        #expect(range.interval.latest?.description == latest)
    }

    @Test("\"22\" in \"from 22 to 27 August 1949\" is 22 August 1949, a separate TimeML expression")
    func firstDay() {
        let found = DateTagger().tag("from 22 to 27 August 1949")
        #expect(found.map(\.value) == ["1949-08-22", "1949-08-27"])
    }

    @Test("comparisons at a precision: 24 and 25 August agree at month precision, not at day precision")
    func precision() throws {
        let a = DateValue.day(try #require(CalendarDay(year: 1949, month: 8, day: 24)), text: "24 August 1949")
        let b = DateValue.day(try #require(CalendarDay(year: 1949, month: 8, day: 25)), text: "25 August 1949")
        #expect(!a.overlaps(b))
        #expect(a.overlaps(b, at: .month))
        #expect(a.isBefore(b) && !a.isBefore(b, at: .month))
        let august = DateValue.month(8, year: 1949, text: "August 1949")
        #expect(august.contains(a) && august.overlaps(b))
    }
}

@Suite("Date tagger: a year before the article a")
struct YearBeforeArticleTests {
    @Test("\"1949 a Soviet\" is the year 1949 followed by an article, not an era")
    func yearThenArticle() throws {
        let found = DateTagger().tag("In late August 1949 a Soviet Il-12 crashed. In 490 B.C. the Persians landed.")
        #expect(found.first?.text == "late August 1949")
        #expect(found.first?.date?.earliest == CalendarDay(year: 1949, month: 8, day: 21))
        #expect(found.contains { $0.value == "BC0490" })
    }
}
