import Chronology
import Testing

@testable import ArchivistKit

@Suite("Wilson Center importer")
struct WilsonCenterImporterTests {
    func importOne(_ text: String) throws -> ImportedDocument {
        let format = DocumentFormat.detect(text)
        return try #require(try format.importer.read(text, path: "record.txt").first)
    }

    @Test("the PDF export gives identity, title, date, citation, summary, language, translator and body")
    func export() throws {
        let text = wilsonExport()
        #expect(DocumentFormat.detect(text) == .wilsonCenterExport)
        let document = try importOne(text)
        #expect(document.identity == "wcda:555001")
        #expect(document.recordID == "555001")
        #expect(document.title == "Memorandum of Conversation between Anastas Mikoyan and Mao Zedong")
        #expect(document.dateText == "February 6, 1949")
        #expect(document.date?.edtf == "1949-02-06")
        #expect(document.date?.precision == .day)
        #expect(document.summary == "A conversation on Xinjiang.")
        #expect(document.originalLanguage == "Russian")
        #expect(document.translator == "Sergey Radchenko")
        #expect(document.citation?.hasPrefix("\"Memorandum of Conversation") == true)
        #expect(document.body == "Mao said the army would take Xinjiang by 1951.")
        #expect(document.fields["Contents"] == "English Translation")
        #expect(document.warnings.map(\.code) == ["citation-date-zero-padded-day"])
    }

    @Test("the web page gives the same identity and its own fields")
    func page() throws {
        let text = wilsonPage()
        #expect(DocumentFormat.detect(text) == .wilsonCenterPage)
        let document = try importOne(text)
        #expect(document.identity == "wcda:555001")
        #expect(document.title == "Memorandum of Conversation between Anastas Mikoyan and Mao Zedong")
        #expect(document.date?.edtf == "1949-02-06")
        #expect(document.body == "Mao said the army would take the whole of Xinjiang by 1951.")
        #expect(document.summary == "A conversation on Xinjiang.")
        #expect(document.sourceLine == "APRF: F. 39, Op. 1, D. 39, Ll. 78-82. Translated by Sergey Radchenko.")
        #expect(document.translator == "Sergey Radchenko")
        #expect(document.fields["Donor"]?.hasPrefix("This document was made possible") == true)
        #expect(document.fields["Rights"] == "Sample rights statement.")
    }

    @Test(
        "display dates keep their precision",
        arguments: [("August 1949", "1949-08", DatePrecision.month), ("1949", "1949", .year), ("May 4, 1943", "1943-05-04", .day)])
    func displayDates(date: String, edtf: String, precision: DatePrecision) throws {
        let document = try importOne(wilsonExport(date: date, citationDate: date))
        #expect(document.date?.edtf == edtf)
        #expect(document.date?.precision == precision)
    }

    @Test("a record without a display date has no date and a warning, and the title is not lost")
    func noDisplayDate() throws {
        let text = wilsonExport().replacingOccurrences(of: "February 6, 1949\n", with: "")
        let document = try importOne(text)
        #expect(document.date == nil)
        #expect(document.title == "Memorandum of Conversation between Anastas Mikoyan and Mao Zedong")
        #expect(document.warnings.map(\.code).contains("display-date-missing"))
    }

    @Test("a citation date without its month is kept raw and reported")
    func citationMonthMissing() throws {
        let document = try importOne(wilsonExport(date: "September 1949", citationDate: "26, 1949"))
        #expect(document.citation?.contains(",\" 26, 1949, History") == true)
        #expect(document.warnings.map(\.code).contains("citation-date-month-missing"))
        #expect(document.date?.edtf == "1949-09")
    }

    @Test("a citation date that disagrees with the display date is reported; an agreeing month is not")
    func citationDateDiffers() throws {
        let differs = try importOne(wilsonExport(date: "February 6, 1949", citationDate: "February 16, 1949"))
        #expect(differs.warnings.contains { $0.code == "citation-date-differs" && $0.message.contains("February 6, 1949") })
        let agrees = try importOne(wilsonExport(date: "August 1949", citationDate: "August 24, 1949"))
        #expect(!agrees.warnings.map(\.code).contains("citation-date-differs"))
    }

    @Test("an empty field is kept and reported")
    func emptyField() throws {
        let text = wilsonExport().replacingOccurrences(of: "Summary:\nA conversation on Xinjiang.", with: "Summary:")
        let document = try importOne(text)
        #expect(document.summary == "")
        #expect(document.warnings.contains { $0.code == "empty-field" && $0.message.contains("Summary") })
    }

    @Test("titles keep [sic] and misspellings verbatim")
    func verbatimTitle() throws {
        let title = "Telegram from Mao Zedong to Filipov [sic] on Air Transportaion"
        #expect(try importOne(wilsonExport(title: title)).title == title)
    }

    @Test(
        "translator credits in their real forms",
        arguments: [
            ("Translated by Sergey Radchenko.", "Sergey Radchenko"),
            ("Obtained by Jamil Hasanli and translated by Gary Goldberg.", "Gary Goldberg"),
            ("Translated for CWIHP by David Wolff.", "David Wolff"),
            ("Obtained and translated for CWIHP by Austin Jersild.", "Austin Jersild"),
            ("Translated by V. M. Zubok.", "V. M. Zubok"),
            ("Translated by Sergey Radchenko with Gary Goldberg.", "Sergey Radchenko with Gary Goldberg"),
        ])
    func credits(credit: String, translator: String) throws {
        #expect(try importOne(wilsonExport(credit: credit)).translator == translator)
    }

    @Test("a record without a record id falls back to its path and says so")
    func noRecordID() throws {
        let text = wilsonExport().replacingOccurrences(of: " https://digitalarchive.wilsoncenter.org/document/555001", with: "")
        let document = try importOne(text)
        #expect(document.identity == nil)
        #expect(document.warnings.map(\.code).contains("record-id-missing"))
    }

    @Test("plain text: the first non-empty line is the title and the whole text is kept")
    func plainText() throws {
        let text = "\n\n  East Turkistan, 1949  \n\nOn August 24, 1949 the leaders boarded a plane.\n"
        #expect(DocumentFormat.detect(text) == .plainText)
        let document = try importOne(text)
        #expect(document.title == "East Turkistan, 1949")
        #expect(document.body == text)
        #expect(document.identity == nil)
    }

    @Test("XML is detected by content and read by the XML importer, whose text path re-declares the encoding")
    func xmlDetected() throws {
        let text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><p>Núñez</p></text></TEI>"
        #expect(DocumentFormat.detect(text) == .xml)
        let documents = try DocumentFormat.xml.importer.read(text, path: "t.xml")
        #expect(documents.first?.body == "Núñez")
        #expect(documents.first?.fields["xml.dialect"] == "tei")
    }
}
