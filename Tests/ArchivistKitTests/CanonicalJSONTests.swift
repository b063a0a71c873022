import Foundation
import Testing

@testable import ArchivistKit

@Suite("Canonical JSON for hashes and columns")
struct CanonicalJSONTests {
    @Test(
        "gives the same bytes as JSONEncoder with sorted keys and unescaped slashes",
        arguments: [
            ["path": "in/a.txt", "quote": "\"Xinjiang\"", "tab": "a\tb\nc\r\u{01}\u{1F}", "back": "a\\b", "z": "Ürümqi — 新疆"],
            [:], ["b": "", "a": "/", "B": "upper sorts first"],
            ["controls": "\u{08}x\u{0C}\u{00}\u{7F}", "detail": #"{"origin":"/a/b.txt","sha256":"ab","size":"3"}"#, "ends": "\\"],
        ])
    func matchesFoundation(fields: [String: String]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(CanonicalJSON.object(fields) == String(decoding: try encoder.encode(fields), as: UTF8.self))
        let values = fields.keys.sorted()
        #expect(CanonicalJSON.array(values) == String(decoding: try encoder.encode(values), as: UTF8.self))
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(CanonicalJSON.object(fields).utf8))
        #expect(decoded == fields)
    }
}
