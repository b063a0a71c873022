import Testing

@testable import ArchivistKit

@Suite("SHA-256 digests in lower-case hex")
struct SHA256DigestTests {
    @Test("the FIPS 180-2 test vectors, and the hex of every byte value")
    func vectors() {
        #expect(SHA256Digest.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let all = (0...255).map { UInt8($0) }
        #expect(
            SHA256Digest.hexString(all) == all.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        )
        #expect(SHA256Digest.hexString([UInt8]()).isEmpty)
    }
}
