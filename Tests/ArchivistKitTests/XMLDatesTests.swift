import Chronology
import Testing

@testable import ArchivistKit

@Suite("XML dates: ISO values read by the phrase reader's ISO step, and spans of years")
struct XMLDatesTests {
    @Test("a plain year or ISO day gives what the phrase reader gives, as a point and as a phrase")
    func sameAsPhraseReader() {
        var inputs = (1000...2100).map(String.init)
        inputs += ["1949-08-27", "1950-02-28", "1948-02-29", "2000-02-29", "1000-01-01", "1999-12-31", "1934-11-12", "1949-08"]
        for text in inputs {
            let expected = DatePhrase.read(text).value
            #expect(expected != nil, "\(text)")
            #expect(XMLDates.point(text) == expected, "\(text)")
            #expect(XMLDates.phrase(text) == expected, "\(text)")
        }
    }

    @Test(
        "anything else as a point is what the phrase reader makes of its day part",
        arguments: ["", "978", "0999", "19a8", "1949-02-30", "1949-8-27", " 1949", "１９４９", "1949-13-01", "1949-01-14T14:00:00+01:00"])
    func otherPoints(_ text: String) {
        let day = text.split(separator: "T").first.map(String.init) ?? text
        #expect(XMLDates.point(text) == DatePhrase.read(day).value)
    }

    @Test("a span of two years is what the range of its two years gives")
    func yearSpans() {
        for (start, end) in [(1981, 1982), (1949, 1949), (1000, 2100), (1934, 1950)] {
            for dash in ["-", "–", "/"] {
                let text = "\(start)\(dash)\(end)"
                #expect(XMLDates.phrase(text) == XMLDates.range(from: String(start), to: String(end), text: text), "\(text)")
            }
        }
        #expect(XMLDates.phrase("1982-1981") != XMLDates.range(from: "1981", to: "1982", text: "1982-1981"))
        // Not spans of years: an em dash, a year before 1000, a letter, a space, a fourth digit missing.
        for text in ["1981—1982", "0999-1000", "1981-198x", "1981 1982", "1981-982", "1981--1982", "19811982x"] {
            #expect(XMLDates.yearSpan(text) == nil, "\(text)")
        }
    }

    @Test("finding-aid dates: years, spans of years, days, and phrases")
    func phrases() {
        #expect(XMLDates.phrase("1978") == .year(1978, text: "1978"))
        let span = XMLDates.phrase("1981-1982")
        #expect(span?.period.lowerBound.description == "1981-01-01")
        #expect(span?.period.upperBound.description == "1982-12-31")
        #expect(span?.precision == .year)
        #expect(XMLDates.phrase("1949-08-27")?.precision == .day)
        #expect(XMLDates.phrase("22 April 1945")?.period.lowerBound.description == "1945-04-22")
        #expect(XMLDates.phrase("undated") == nil)
    }
}
