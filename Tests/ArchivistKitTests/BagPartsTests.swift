import Foundation
import Testing

@testable import ArchivistKit

@Suite("BagIt parts: SHA-224, paths, tag files, manifest lines")
struct BagPartsTests {
    @Test(
        "SHA-224 gives the FIPS 180-4 test vectors",
        arguments: [
            ("", 1, "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f"),
            ("abc", 1, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525"),
            ("a", 1_000_000, "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67"),
        ])
    func sha224(piece: String, times: Int, digest: String) {
        let message = Array(String(repeating: piece, count: times).utf8)
        #expect(message.withUnsafeBytes { BagDigestAlgorithm.sha224.hex(of: $0) } == digest)
    }

    @Test("SHA-224 fed in uneven pieces equals SHA-224 of the whole")
    func sha224Pieces() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let whole = bytes.withUnsafeBytes { BagDigestAlgorithm.sha224.hex(of: $0) }
        var hasher = BagDigestAlgorithm.sha224.makeHasher()
        var start = 0
        for size in [1, 63, 64, 65, 3, 200, 604] {
            bytes[start..<start + size].withUnsafeBytes { hasher.update($0) }
            start += size
        }
        #expect(start == bytes.count)
        #expect(hasher.finalizeHex() == whole)
    }

    @Test("every algorithm's digest has its documented length and md5 matches a known value")
    func algorithms() {
        for algorithm in BagDigestAlgorithm.allCases {
            #expect(Array("abc".utf8).withUnsafeBytes { algorithm.hex(of: $0) }.count == algorithm.hexLength)
        }
        #expect(Array("abc".utf8).withUnsafeBytes { BagDigestAlgorithm.md5.hex(of: $0) } == "900150983cd24fb0d6963f7d28e17f72")
    }

    @Test("manifest paths decode %0D, %0A and %25 only, and encode back")
    func percentCoding() {
        #expect(BagPath.decode("data/a%0Db%0ac%25d") == "data/a\rb\nc%d")
        #expect(BagPath.decode("data/%7Etest.txt") == "data/%7Etest.txt")
        #expect(BagPath.decode("data/%test2.txt") == "data/%test2.txt")
        #expect(BagPath.encode("data/a\rb\nc%d") == "data/a%0Db%0Ac%25d")
    }

    @Test(
        "paths that could leave the bag are refused",
        arguments: ["/tmp/foo", "~/foo", "~root/foo", "../../README.md", "data/../../x", "data/a\u{1}b", ""])
    func unsafe(path: String) {
        #expect(BagPath.unsafeReason(path) != nil)
    }

    @Test("ordinary paths are safe", arguments: ["data/a.txt", "data/dir/~x.txt", "data/..hidden", "data/%7Etest1.txt"])
    func safe(path: String) {
        #expect(BagPath.unsafeReason(path) == nil)
    }

    @Test("tag-file elements: continuation lines, repeated labels, whitespace before the colon, bad lines")
    func elements() {
        let text =
            "Source-Organization: Spengler\r\nExternal-Description: Uncompressed TIFF\r\n   images.\r\nTest-Tag : 3\nTest-Tag:4\nno colon here\n"
        let (elements, malformed) = BagTagFile.elements(text)
        #expect(elements.map(\.label) == ["Source-Organization", "External-Description", "Test-Tag", "Test-Tag"])
        #expect(elements[1].value == "Uncompressed TIFF images.")
        #expect(elements[2].spaceBeforeColon && !elements[3].spaceBeforeColon)
        #expect(elements[3].value == "4")
        #expect(malformed == [6])
    }

    @Test("tag files decode from UTF-16 (either byte order), ISO-8859-1 and UTF-8; bad UTF-8 is refused")
    func encodings() throws {
        let text = "Contact-Name: Núñez"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(BagTagFile.decode(le, as: .utf16) == text)
        #expect(BagTagFile.decode(be, as: .utf16) == text)
        #expect(BagTagFile.decode([0x4E, 0xFA, 0xF1, 0x65, 0x7A], as: .latin1) == "Núñez")
        #expect(BagTagFile.decode([0x4E, 0xFA], as: .utf8) == nil)
        #expect(BagTagFile.Encoding(label: "ISO-8859-1") == .latin1)
        #expect(BagTagFile.Encoding(label: "EBCDIC") == nil)
    }

    @Test("manifest lines: md5sum's * marker and ./ are warnings, duplicates depend on the version, bad digests are errors")
    func manifestLines() throws {
        var manifest = try #require(BagManifest(fileName: "manifest-md5.txt"))
        var findings: [BagFinding] = []
        let digest = String(repeating: "a", count: 32)
        manifest.read(
            "\(digest) *data/a.txt\n\(digest)  ./data/b.txt\n\(digest)  data/b.txt\nxyz  data/c.txt\n\(digest)  README\n\(String(repeating: "b", count: 32))  data/a.txt\n",
            strictDuplicates: false, findings: &findings)
        #expect(manifest.order == ["data/a.txt", "data/b.txt"])
        #expect(
            findings.map(\.code) == [
                "manifest-binary-marker", "manifest-path-dot-slash", "manifest-duplicate-entry", "manifest-line-malformed",
                "manifest-path-outside-payload", "manifest-conflicting-entries",
            ])
        #expect(findings.first { $0.code == "manifest-duplicate-entry" }?.severity == .warning)
        var strict = try #require(BagManifest(fileName: "manifest-md5.txt"))
        var strictFindings: [BagFinding] = []
        strict.read("\(digest)  data/a.txt\n\(digest)  data/a.txt\n", strictDuplicates: true, findings: &strictFindings)
        #expect(strictFindings.map(\.severity) == [.error])
        #expect(BagManifest(fileName: "manifest-.txt") == nil)
        #expect(BagManifest(fileName: "tagmanifest-sha256.txt")?.isTagManifest == true)
        #expect(BagManifest(fileName: "manifest-blake3.txt")?.algorithm == nil)
    }
}
