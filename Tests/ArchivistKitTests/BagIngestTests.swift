import Foundation
import Testing

@testable import ArchivistKit

@Suite("Ingest and export of BagIt bags")
struct BagIngestTests {
    @Test("a valid bag's payload is ingested with its bag-info and a fixity-check event per version")
    func ingestValid() throws {
        let folder = try TemporaryFolder()
        let bag = try folder.makeBag("bag", payload: ["data/letter.txt": "A letter of 1949\nbody", "data/record.txt": wilsonExport()])
        let catalog = try folder.catalog()
        let report = Ingester(catalog: catalog).ingest([bag])
        #expect(report.bags.map(\.valid) == [true])
        #expect(report.files.map(\.status) == [.new, .new])
        #expect(try catalog.documents().map(\.id) == ["bag/data/letter.txt", "wcda:555001"])
        let version = try #require(try catalog.document("bag/data/letter.txt").versions.first)
        #expect(version.fields["bag-info.Source-Organization"] == "Test Archive")
        #expect(version.fields["bag-path"] == "data/letter.txt")
        let fixity = try catalog.events(about: "bag/data/letter.txt").filter { $0.type == .fixityCheck }
        #expect(fixity.count == 1)
        #expect(fixity.first?.detail["manifest_sha512"] != nil)
        #expect(fixity.first?.detail["manifest_sha256"] == fixity.first?.detail["sha256"])
        #expect(try catalog.events().filter { $0.type == .validation }.map(\.outcome) == [.success])

        // Again: nothing new, but the bag's digests are checked and logged once more.
        let again = Ingester(catalog: catalog).ingest([bag])
        #expect(again.files.map(\.status) == [.unchanged, .unchanged])
        #expect(try catalog.events(about: "bag/data/letter.txt").filter { $0.type == .fixityCheck }.count == 2)
        #expect(try Auditor(catalog: catalog).run().intact)
    }

    @Test("an invalid bag is refused as a whole: nothing of it is stored, the reasons are given and logged")
    func ingestInvalid() throws {
        let folder = try TemporaryFolder()
        let bag = try folder.makeBag("bag", payload: ["data/a.txt": "first text", "data/b.txt": "second text"])
        try folder.write("bag/data/b.txt", "second text, altered")
        try folder.write("loose.txt", "A loose file\nis still ingested")
        let catalog = try folder.catalog()
        let report = Ingester(catalog: catalog).ingest([bag, folder.path + "/loose.txt"])
        let refused = try #require(report.files.first { $0.path == "bag" })
        #expect(refused.status == .failed)
        #expect(refused.error?.code == "bag-invalid")
        #expect(refused.error?.message.contains("digest-mismatch (data/b.txt)") == true)
        #expect(try catalog.documents().map(\.id) == ["loose.txt"])
        let events = try catalog.events()
        #expect(events.contains { $0.type == .validation && $0.outcome == .failure && $0.detail["codes"]?.contains("digest-mismatch") == true })
        #expect(events.contains { $0.type == .ingestion && $0.outcome == .failure && $0.detail["code"] == "bag-invalid" })
    }

    @Test("a bag found inside a folder given to ingest is validated and ingested as a bag")
    func bagInFolder() throws {
        let folder = try TemporaryFolder()
        try folder.makeBag("in/received/bag1", payload: ["data/a.txt": "Text A\nbody"])
        try folder.write("in/plain.txt", "Plain\nbody")
        let catalog = try folder.catalog()
        let report = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        #expect(report.bags.map(\.bag) == ["received/bag1"])
        #expect(Set(try catalog.documents().map(\.id)) == ["plain.txt", "received/bag1/data/a.txt"])
        // bagit.txt and the manifests are the bag's, not documents.
        #expect(report.files.count == 2)
    }

    @Test("bytes that differ from the bag's manifest are refused with bag-fixity-mismatch")
    func crossCheck() throws {
        let fixity = BagFixity(bag: "b", bagitVersion: "1.0", payloadPath: "data/a.txt", digests: ["md5": "00"], info: [])
        #expect(throws: ArchivistError.self) {
            try Ingester.crossCheck(fixity, bytes: Data("x".utf8), sha256: SHA256Digest.hex(Array("x".utf8)), shownAs: "b/data/a.txt")
        }
        let right = BagFixity(
            bag: "b", bagitVersion: "1.0", payloadPath: "data/a.txt", digests: ["md5": "9dd4e461268c8034f5c8564e155c67a6"], info: [])
        try Ingester.crossCheck(right, bytes: Data("x".utf8), sha256: SHA256Digest.hex(Array("x".utf8)), shownAs: "b/data/a.txt")
    }

    @Test("export --bag writes a valid BagIt 1.0 bag of every version's original, with metadata and provenance")
    func export() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/v1/record.txt", wilsonExport())
        try folder.write("in/v2/record-page.txt", wilsonPage())
        try folder.write("in/note.txt", "A note\nbody")
        let catalog = try folder.catalog()
        _ = Ingester(catalog: catalog).ingest([folder.path + "/in"])
        let target = folder.path + "/out/bag"
        try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
        let report = try BagWriter(catalog: catalog).export(["wcda:555001"], to: target)
        #expect(report.payload.map(\.version) == [1, 2])
        let validation = try BagValidator().validate(target)
        #expect(validation.valid, "\(validation.findings)")
        #expect(validation.manifests == ["sha256", "sha512"] && validation.tagManifests == ["sha256", "sha512"])
        #expect(validation.info("Payload-Oxum") == [report.payloadOxum])
        for item in report.payload {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: target + "/" + item.path))
            #expect(bytes == (try catalog.original(of: item.document, version: item.version).bytes))
        }
        let provenance = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: target + "/archivist/provenance.json")))
        let events = try #require((provenance as? [String: Any])?["events"] as? [[String: Any]])
        #expect(events.contains { $0["type"] as? String == "ingestion" })
        #expect(try catalog.events(about: "wcda:555001").last?.type == .informationPackageCreation)
        #expect(!FileManager.default.fileExists(atPath: target + ".partial-\(getpid())"))
        #expect(throws: ArchivistError.self) { try BagWriter(catalog: catalog).export([], to: target) }
        #expect(throws: ArchivistError.self) { try BagWriter(catalog: catalog).export(["nope"], to: folder.path + "/out/other") }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/other"))
    }
}
