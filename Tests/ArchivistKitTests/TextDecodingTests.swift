import Testing

@testable import ArchivistKit

@Suite("Decoding text files")
struct TextDecodingTests {
    @Test("UTF-8 with and without a byte-order mark gives the same text")
    func utf8() throws {
        let plain = try TextDecoding.decode(Array("Ürümqi".utf8), path: "a.txt")
        let bom = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Ürümqi".utf8), path: "b.txt")
        #expect(plain == "Ürümqi")
        #expect(bom == plain)
    }

    @Test("UTF-16 with a byte-order mark, little and big endian")
    func utf16() throws {
        let text = "Ghulja — Кульджа"
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try TextDecoding.decode(little, path: "le.txt") == text)
        #expect(try TextDecoding.decode(big, path: "be.txt") == text)
    }

    @Test("text is stored in NFC and with \\n line ends")
    func normalisation() throws {
        let decomposed = Array("Mu\u{0308}nchen\r\nline\rthree".utf8)
        #expect(try TextDecoding.decode(decomposed, path: "x.txt") == "München\nline\nthree")
    }

    @Test("invalid UTF-8 names the file, the byte offset and the windows-1251 remedy")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("Moscow ".utf8) + [0xCC, 0xEE, 0xF1, 0xEA, 0xE2, 0xE0]
        let error = #expect(throws: ArchivistError.self) { try TextDecoding.decode(bytes, path: "cable.txt") }
        #expect(error?.code == "invalid-utf8")
        #expect(error?.message.contains("cable.txt") == true)
        #expect(error?.message.contains("offset 7") == true)
        #expect(error?.message.contains("--encoding windows-1251") == true)
    }

    @Test("windows-1251 decodes Cyrillic exports")
    func windows1251() throws {
        let bytes: [UInt8] = [0xCC, 0xEE, 0xF1, 0xEA, 0xE2, 0xE0, 0x20, 0xB9, 0x20, 0x34, 0x30, 0x2C, 0x20, 0xA8]
        #expect(try TextDecoding.decode(bytes, as: .windows1251, path: "x.txt") == "Москва № 40, Ё")
    }

    @Test("windows-1252 and Latin-1 decode Western text")
    func western() throws {
        #expect(try TextDecoding.decode([0x93, 0x4B, 0x75, 0x6C, 0x6A, 0x61, 0x94], as: .windows1252, path: "x") == "\u{201C}Kulja\u{201D}")
        #expect(try TextDecoding.decode([0x55, 0x72, 0xFC, 0x6D, 0x71, 0x69], as: .latin1, path: "x") == "Urümqi")
    }

    @Test(
        "empty and binary files are refused with their reason",
        arguments: [
            ([UInt8](), "empty-file"), (Array("  \n\n ".utf8), "empty-file"),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "binary-file"),
            ([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34], "binary-file"),
            (Array("text".utf8) + [0x00, 0x01], "binary-file"),
            ([0xFF, 0xFE, 0x41], "invalid-utf16"),
            ([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], "invalid-utf16"),
        ])
    func refused(bytes: [UInt8], code: String) {
        let error = #expect(throws: ArchivistError.self) { try TextDecoding.decode(bytes, path: "bad.bin") }
        #expect(error?.code == code)
        #expect(error?.message.contains("bad.bin") == true)
    }
}
