import ArchivistKit
import Foundation
import Testing

@Suite("Verifier data files")
struct VerifyLexiconTests {
    let lexicon = VerifyLexicon.shipped

    @Test("the shipped files load: event types, a gazetteer with coordinates")
    func shipped() throws {
        #expect(lexicon.types["crash"]?.family == "journey")
        #expect(lexicon.types["entry"]?.placeIsIdentity == true)
        #expect(lexicon.places.count > 80)
        #expect(lexicon.fingerprint.count == 64)
        // Every parent named in the gazetteer is itself a place.
        for place in lexicon.places.values {
            if let parent = place.parent { #expect(lexicon.places[parent] != nil, "\(place.name)'s parent \(parent) is not in the gazetteer") }
        }
    }

    @Test("places: one area at different precision agrees, distant cities and different countries do not")
    func compatibility() {
        #expect(lexicon.compatible("Lake Baikal", widenedBy: 200, "Irkutsk"))
        #expect(lexicon.compatible("Kabansk", widenedBy: 60, "Lake Baikal"))
        #expect(lexicon.compatible("Urumqi", "Xinjiang"))
        #expect(lexicon.compatible("Ghulja", "Ili"))
        #expect(!lexicon.compatible("Moscow", "Beijing"))
        #expect(!lexicon.compatible("Ghulja", "Urumqi"))
        #expect(!lexicon.compatible("Moscow", "China"))
        #expect(lexicon.isWithin("Irkutsk", "Soviet Union"))
        #expect(lexicon.hierarchy("Ghulja") == ["Ghulja", "Ili", "Xinjiang", "China"])
    }

    @Test("files beside the catalog add names and replace lines; the fingerprint changes")
    func userFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("aliases.tsv", "Ivan Petrov\tperson\tPetrov|I. Petrov\n")
        try folder.write("gazetteer.tsv", "Barkol\ttown\tXinjiang\t43.6\t93.0\t10\n")
        let extended = try VerifyLexicon.load(extraFolder: folder.path)
        #expect(extended.fingerprint != lexicon.fingerprint)
        #expect(extended.places["Barkol"] != nil)
        let claim = try #require(
            ClaimExtractor(lexicon: extended).claims(
                in: ClaimSource(title: "t", body: "On 3 May 1950 Petrov met Osman Batur near Barkol.", isArchival: false)
            ).first)
        #expect(Set(claim.participants.map(\.name)) == ["Ivan Petrov", "Osman Batur"])
        #expect(claim.places.map(\.name) == ["Barkol"])
    }

    @Test("a malformed user file is an error naming the file and line")
    func badFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("gazetteer.tsv", "Barkol\ttown\tXinjiang\tnorth\t93.0\t10\n")
        let error = #expect(throws: ArchivistError.self) { try VerifyLexicon.load(extraFolder: folder.path) }
        #expect(error?.code == "data-file-invalid")
        #expect(error?.message.contains("Barkol") == true)
        try folder.write("gazetteer.tsv", "")
        try folder.write("events.tsv", "event\tcrash\twindow=5\n")
        let short = #expect(throws: ArchivistError.self) { try VerifyLexicon.load(extraFolder: folder.path) }
        #expect(short?.message.contains("events.tsv line 1") == true)
    }
}
