import Chronology
import Testing

@Suite("String(unicodeScalars:): a run of scalars as text")
struct ScalarTextTests {
    @Test(
        "gives the same text as the standard library for ASCII, accents, Cyrillic, Han, emoji and nothing",
        arguments: ["", "Ghulja", "Ürümqi, Dihua", "Ахметжан Касимов", "伊宁 1949年8月27日", "a 🛩 crash", "e\u{301}"])
    func sameText(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(String(unicodeScalars: scalars) == text)
        #expect(String(unicodeScalars: scalars).utf8.count == text.utf8.count)
    }

    @Test("a slice keeps exactly the scalars in its range")
    func slice() {
        let scalars = Array("Ил-12 crashed near Kansk".unicodeScalars)
        #expect(String(unicodeScalars: scalars[0..<5]) == "Ил-12")
        #expect(String(unicodeScalars: scalars[14..<18]) == "near")
        #expect(String(unicodeScalars: scalars[3..<3]).isEmpty)
    }
}
