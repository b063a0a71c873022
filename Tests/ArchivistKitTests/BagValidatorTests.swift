import Foundation
import Testing

@testable import ArchivistKit

@Suite("Bag validation")
struct BagValidatorTests {
    let payload = ["data/letter.txt": "A letter of 1949\n", "data/sub/cable.txt": "Cable received on the 27th\n"]

    @Test("a well-formed bag is valid, with every file digested for every manifest")
    func valid() throws {
        let folder = try TemporaryFolder()
        let bag = try folder.makeBag("bag", payload: payload, algorithms: [.md5, .sha1, .sha224, .sha256, .sha384, .sha512])
        let report = try BagValidator(threads: 2).validate(bag)
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(report.valid && report.complete)
        #expect(report.version == "1.0")
        #expect(report.payloadFiles == 2)
        #expect(report.filesChecked == 2 + 2 + 6)
        #expect(report.info("external-identifier") == ["test-bag-1"])
        #expect(report.payloadDigests["data/letter.txt"]?.count == 6)
    }

    @Test("every problem is reported: changed, missing and extra files, the oxum, with expected and found digests")
    func everyProblem() throws {
        let folder = try TemporaryFolder()
        let bag = try folder.makeBag("bag", payload: payload)
        try folder.write("bag/data/letter.txt", "A letter of 1950\n")
        try FileManager.default.removeItem(atPath: bag + "/data/sub/cable.txt")
        try folder.write("bag/data/extra.txt", "not listed")
        let report = try BagValidator().validate(bag)
        #expect(!report.valid)
        let codes = report.errors.map { "\($0.code) \($0.file ?? "") \($0.algorithm ?? "")" }.sorted()
        #expect(
            codes == [
                "digest-mismatch data/letter.txt sha256", "digest-mismatch data/letter.txt sha512",
                "file-missing data/sub/cable.txt sha256", "file-not-in-manifest data/extra.txt ",
                "payload-oxum-mismatch bag-info.txt ",
            ])
        let mismatch = try #require(report.errors.first { $0.code == "digest-mismatch" && $0.algorithm == "sha256" })
        #expect(mismatch.expected == SHA256Digest.hex(Array("A letter of 1949\n".utf8)))
        #expect(mismatch.found == SHA256Digest.hex(Array("A letter of 1950\n".utf8)))
    }

    @Test("a file listed in fetch.txt and absent makes the bag incomplete; nothing is fetched")
    func holey() throws {
        let folder = try TemporaryFolder()
        let bag = try folder.makeBag("bag", payload: payload)
        try FileManager.default.removeItem(atPath: bag + "/data/sub/cable.txt")
        try folder.write("bag/fetch.txt", "http://127.0.0.1:9/cable.txt - data/sub/cable.txt\n")
        let report = try BagValidator().validate(bag)
        #expect(!report.complete && !report.valid)
        #expect(report.errors.map(\.code) == ["fetch-pending"])
        #expect(!FileManager.default.fileExists(atPath: bag + "/data/sub/cable.txt"))
    }

    @Test("a symbolic link in the payload is refused, never followed")
    func link() throws {
        let folder = try TemporaryFolder()
        let bag = try folder.makeBag("bag", payload: payload)
        try folder.write("secret.txt", "outside the bag")
        try FileManager.default.createSymbolicLink(atPath: bag + "/data/link.txt", withDestinationPath: folder.path + "/secret.txt")
        let report = try BagValidator().validate(bag)
        #expect(report.errors.contains { $0.code == "file-not-regular" && $0.file == "data/link.txt" })
    }

    @Test("tag files in UTF-16 are read when bagit.txt declares it")
    func utf16() throws {
        let folder = try TemporaryFolder()
        let digest = SHA256Digest.hex(Array("x".utf8))
        try folder.write("bag/bagit.txt", "BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-16\n")
        try folder.write("bag/data/a.txt", "x")
        try folder.write("bag/manifest-sha256.txt", [0xFF, 0xFE] + "\(digest)  data/a.txt\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let report = try BagValidator().validate(folder.path + "/bag")
        #expect(report.valid, "\(report.findings)")
        #expect(report.filesChecked == 1)
    }

    @Test("bagit.txt defects: a byte-order mark, a bad version, no encoding, no manifest")
    func declaration() throws {
        let folder = try TemporaryFolder()
        try folder.write("bag/bagit.txt", [0xEF, 0xBB, 0xBF] + Array("BagIt-Version: .97\n".utf8))
        try folder.write("bag/data/a.txt", "x")
        let report = try BagValidator().validate(folder.path + "/bag")
        #expect(Set(report.errors.map(\.code)) == ["bagit-txt-bom", "bagit-version-invalid", "tag-encoding-missing", "manifest-missing"])
    }

    @Test("a path that is not a folder is an error, not a report")
    func notAFolder() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("file.txt", "x")
        #expect(throws: ArchivistError.self) { try BagValidator().validate(file) }
    }
}
