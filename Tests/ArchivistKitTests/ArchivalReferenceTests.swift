import Testing

@testable import ArchivistKit

@Suite("Archival references: every variant real records use")
struct ArchivalReferenceTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var archive: String
        var fond: String?
        var opis: String?
        var delo: String?
        var folios: String?
        var papka: String? = nil
        var year: String? = nil
        var file: String? = nil
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "RGASPI, f. 17, op. 162, d. 37, ll. 120-123", archive: "RGASPI", fond: "17", opis: "162", delo: "37", folios: "120-123"),
        Case(text: "RGASPI, F. 17. Op. 162, D. 18, L. 140-141", archive: "RGASPI", fond: "17", opis: "162", delo: "18", folios: "140-141"),
        Case(text: "RGASPI f.17 op.162 d.34, l. 24", archive: "RGASPI", fond: "17", opis: "162", delo: "34", folios: "24"),
        Case(text: "RGASPI, f. 558, op. 11, d. 334, ll.0055", archive: "RGASPI", fond: "558", opis: "11", delo: "334", folios: "0055"),
        Case(text: "APRF: F. 45, Op. 1, D. 329, Ll. 1-7", archive: "APRF", fond: "45", opis: "1", delo: "329", folios: "1-7"),
        Case(text: "APRF, Fond 45, Opis 1, Delo 336, List 122", archive: "APRF", fond: "45", opis: "1", delo: "336", folios: "122"),
        Case(
            text: "AVPRF f. 0100, op. 34, 1946, p. 253, d. 18", archive: "AVPRF", fond: "0100", opis: "34", delo: "18", folios: nil,
            papka: "253", year: "1946"),
        Case(
            text: "AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 13", archive: "AVPRF", fond: "059a", opis: "5a", delo: "5", folios: "13",
            papka: "11"),
        Case(text: "GARF, Fond R-9401ss, Opis' 2, Delo 95, ll. 352-359", archive: "GARF", fond: "R-9401ss", opis: "2", delo: "95", folios: "352-359"),
        Case(text: "PRC FMA 109-00004-03, 10", archive: "PRC FMA", fond: nil, opis: nil, delo: nil, folios: "10", file: "109-00004-03"),
    ]

    @Test("each form is parsed to its parts, keeping the words", arguments: cases)
    func parse(_ item: Case) throws {
        let references = ArchivalReferenceParser.references(in: item.text)
        #expect(references.count == 1)
        let reference = try #require(references.first)
        #expect(reference.archive == item.archive)
        #expect(reference.fond == item.fond)
        #expect(reference.opis == item.opis)
        #expect(reference.delo == item.delo)
        #expect(reference.folios == item.folios)
        #expect(reference.papka == item.papka)
        #expect(reference.year == item.year)
        #expect(reference.file == item.file)
        #expect(reference.text == item.text)
        #expect(reference.archiveName != nil)
    }

    @Test("two references joined by \"and\", and a reference inside provenance prose")
    func inProse() {
        let two = ArchivalReferenceParser.references(in: "APRF, F. 45, Op. 1, D. 329, Ll. 1-7 and RGASPI, f. 558, op. 11, d. 334, ll. 12-13")
        #expect(two.map(\.archive) == ["APRF", "RGASPI"])
        #expect(two.map(\.delo) == ["329", "334"])
        let prose = ArchivalReferenceParser.references(
            in: "Obtained by Jamil Hasanli from GARF, Fond R-9401ss, Opis' 2, Delo 95, ll. 352-359, and translated by Gary Goldberg.")
        #expect(prose.count == 1)
        #expect(prose.first?.fond == "R-9401ss")
        #expect(prose.first?.archiveName == "State Archive of the Russian Federation")
    }

    @Test("an acronym without parts, and ordinary words, are not references")
    func notReferences() {
        #expect(ArchivalReferenceParser.references(in: "The APRF holds the file.").isEmpty)
        #expect(ArchivalReferenceParser.references(in: "On 4 May 1943 the Politburo met.").isEmpty)
    }

    @Test("the same file is recognised whatever the folios")
    func sameFile() throws {
        let a = try #require(ArchivalReferenceParser.references(in: "RGASPI, f. 17, op. 162, d. 37, ll. 120-123").first)
        let b = try #require(ArchivalReferenceParser.references(in: "RGASPI f.17 op.162 d.37, l. 121").first)
        let c = try #require(ArchivalReferenceParser.references(in: "RGASPI f.17 op.162 d.38, l. 121").first)
        #expect(a.sameFile(as: b))
        #expect(!a.sameFile(as: c))
    }

    @Test("users add archives in archives.tsv beside the catalog")
    func userArchives() throws {
        let folder = try TemporaryFolder()
        try folder.write("archives.tsv", "# mine\nTsGA RK\tCentral State Archive of the Republic of Kazakhstan\n")
        let archives = ArchivalReferenceParser.archives(extraFolder: folder.path)
        #expect(archives["RGASPI"] != nil)
        let found = ArchivalReferenceParser.references(in: "TsGA RK, f. 1137, op. 1, d. 12, l. 4", archives: archives)
        #expect(found.first?.archiveName == "Central State Archive of the Republic of Kazakhstan")
        #expect(found.first?.delo == "12")
        #expect(ArchivalReferenceParser.references(in: "TsGA RK, f. 1137, op. 1, d. 12, l. 4").isEmpty)
    }
}
