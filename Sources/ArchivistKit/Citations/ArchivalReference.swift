import Foundation

/// An archival reference as citations write it (`RGASPI, f. 17, op. 162, d. 37, ll. 120-123`),
/// normalised to its parts, with the words it came from.
public struct ArchivalReference: Sendable, Codable, Equatable, Hashable {
    /// The archive's acronym as written (`RGASPI`, `APRF`, `PRC FMA`).
    public var archive: String
    /// The archive's full name, from the archives data file.
    public var archiveName: String?
    /// Fond (collection).
    public var fond: String?
    /// Opis (inventory).
    public var opis: String?
    /// Delo (file).
    public var delo: String?
    /// Papka (folder).
    public var papka: String?
    /// A year given inside the reference (AVPRF references carry one).
    public var year: String?
    /// List(s), folio(s) or page(s): `120-123`, `0055`.
    public var folios: String?
    /// A file number of archives that use one (`109-00004-03` at the PRC FMA).
    public var file: String?
    /// The reference as written.
    public var text: String

    /// Creates a reference.
    public init(archive: String, text: String) {
        self.archive = archive
        self.text = text
    }

    /// Whether two references name the same file (archive, fond, opis, delo or file number);
    /// folios may differ (a citation often names only some pages).
    public func sameFile(as other: ArchivalReference) -> Bool {
        Self.key(archive) == Self.key(other.archive) && Self.key(fond) == Self.key(other.fond) && Self.key(opis) == Self.key(other.opis)
            && Self.key(delo) == Self.key(other.delo) && Self.key(file) == Self.key(other.file)
    }

    private static func key(_ value: String?) -> String {
        (value ?? "").lowercased().filter { !$0.isWhitespace }
    }
}

/// Finds archival references in citations, source lines and prose.
public enum ArchivalReferenceParser {
    /// Acronyms and full names: the shipped data file, then `archives.tsv` in `extraFolder` (the
    /// catalog's folder), whose lines add to or replace the shipped ones.
    public static func archives(extraFolder: String? = nil) -> [String: String] {
        var names = shippedArchives
        if let extraFolder, let text = try? String(contentsOfFile: extraFolder + "/archives.tsv", encoding: .utf8) {
            names.merge(parse(text)) { $1 }
        }
        return names
    }

    /// The acronyms and names of the shipped data file (`archives.tsv`).
    public static let shippedArchives: [String: String] = {
        guard let url = Bundle.module.url(forResource: "archives", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [:] }
        return parse(text)
    }()

    static func parse(_ text: String) -> [String: String] {
        var names: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { names[String(parts[0]).trimming(" ")] = String(parts[1]).trimming(" ") }
        }
        return names
    }

    /// Every reference in `text`, in order. A reference starts at a known archive acronym and runs
    /// through the labelled parts after it (fond, opis, delo, papka, list(s), a year); two
    /// references joined by "and" are two references.
    public static func references(in text: String, archives: [String: String] = shippedArchives) -> [ArchivalReference] {
        let tokens = tokenize(text)
        // Longest acronyms first, so that "AVP RF" wins over a shorter match.
        let acronyms = archives.keys.map { ($0, $0.split(separator: " ").map(String.init)) }.sorted { $0.1.count > $1.1.count }
        var references: [ArchivalReference] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].isWord,
                let (acronym, words) = acronyms.first(where: { matches($0.1, tokens, at: index) })
            else {
                index += 1
                continue
            }
            let start = tokens[index].range.lowerBound
            var cursor = index + words.count
            var reference = ArchivalReference(archive: acronym, text: "")
            reference.archiveName = archives[acronym]
            var end = tokens[cursor - 1].range.upperBound
            var parts = 0
            if acronym == "PRC FMA" || acronym == "AMFA", cursor < tokens.count, tokens[cursor].isWord, tokens[cursor].text.contains("-") {
                reference.file = tokens[cursor].text
                end = tokens[cursor].range.upperBound
                cursor += 1
                parts += 1
                if cursor + 1 < tokens.count, tokens[cursor].text == ",", tokens[cursor + 1].isNumber {
                    reference.folios = tokens[cursor + 1].text
                    end = tokens[cursor + 1].range.upperBound
                    cursor += 2
                }
            }
            while cursor < tokens.count {
                // Skip separators (",", ".", ":") between parts.
                var next = cursor
                while next < tokens.count, [",", ".", ":", ";"].contains(tokens[next].text) { next += 1 }
                guard next < tokens.count, tokens[next].isWord else { break }
                let label = tokens[next].text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".'’"))
                if let field = Self.labels[label] {
                    var valueIndex = next + 1
                    while valueIndex < tokens.count, [".", ":"].contains(tokens[valueIndex].text) { valueIndex += 1 }
                    guard valueIndex < tokens.count, tokens[valueIndex].isWord,
                        tokens[valueIndex].text.first?.isLetter == false
                            || tokens[valueIndex].text.first == "R" && tokens[valueIndex].text.contains("-")
                    else {
                        break
                    }
                    let value = tokens[valueIndex].text
                    switch field {
                    case "fond": reference.fond = value
                    case "opis": reference.opis = value
                    case "delo": reference.delo = value
                    case "papka": reference.papka = value
                    default: reference.folios = value
                    }
                    end = tokens[valueIndex].range.upperBound
                    cursor = valueIndex + 1
                    parts += 1
                } else if tokens[next].isNumber, tokens[next].text.count == 4, reference.year == nil, parts > 0, reference.delo == nil {
                    reference.year = tokens[next].text
                    end = tokens[next].range.upperBound
                    cursor = next + 1
                } else {
                    break
                }
            }
            if parts > 0 {
                reference.text = String(text[start..<end])
                references.append(reference)
            }
            index = max(cursor, index + 1)
        }
        return references
    }

    /// Labels of reference parts, in Russian transliteration and English, as they are abbreviated.
    static let labels: [String: String] = [
        "f": "fond", "fond": "fond", "op": "opis", "opis": "opis", "d": "delo", "delo": "delo", "p": "papka", "papka": "papka",
        "l": "folios", "ll": "folios", "list": "folios", "listy": "folios", "listov": "folios", "folio": "folios", "folios": "folios",
        "pp": "folios", "page": "folios", "pages": "folios",
    ]

    struct Token {
        var text: String
        var range: Range<String.Index>
        var isWord: Bool { text.first.map { $0.isLetter || $0.isNumber } ?? false }
        var isNumber: Bool { !text.isEmpty && text.allSatisfy(\.isNumber) }
    }

    /// Words (letters, digits, `-`, `'`, with a letter-digit boundary splitting `f.17` and `ll.0055`)
    /// and single punctuation marks.
    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
                continue
            }
            if character.isLetter || character.isNumber {
                var end = text.index(after: index)
                while end < text.endIndex {
                    let next = text[end]
                    if next.isLetter || next.isNumber || next == "-" || next == "–" || ((next == "'" || next == "’") && character.isLetter) {
                        end = text.index(after: end)
                    } else {
                        break
                    }
                }
                tokens.append(Token(text: String(text[index..<end]), range: index..<end))
                index = end
            } else {
                let end = text.index(after: index)
                tokens.append(Token(text: String(character), range: index..<end))
                index = end
            }
        }
        return tokens
    }

    static func matches(_ words: [String], _ tokens: [Token], at index: Int) -> Bool {
        guard index + words.count <= tokens.count else { return false }
        for (offset, word) in words.enumerated() where tokens[index + offset].text != word { return false }
        return true
    }
}
