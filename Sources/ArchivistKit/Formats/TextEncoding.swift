import Foundation

/// The character encodings archivist reads text files in.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
    /// UTF-8, with or without a byte-order mark, or UTF-16 when a byte-order mark says so.
    case automatic = "auto"
    /// UTF-8 only (a byte-order mark is allowed and dropped).
    case utf8 = "utf-8"
    /// Windows Cyrillic, common in exports from Russian archives.
    case windows1251 = "windows-1251"
    /// Windows Western European.
    case windows1252 = "windows-1252"
    /// ISO 8859-1 (Latin-1).
    case latin1 = "iso-8859-1"
}

/// Turns a file's bytes into text, or explains exactly why it cannot.
public enum TextDecoding {
    /// Decodes `bytes` as `encoding` into NFC text with `\n` line ends.
    ///
    /// - Throws: ``ArchivistError`` with code `empty-file`, `binary-file`, `invalid-utf8` (naming the
    ///   byte offset and suggesting `--encoding windows-1251`) or `invalid-utf16`.
    public static func decode(_ bytes: [UInt8], as encoding: TextEncoding = .automatic, path: String) throws -> String {
        try read(bytes, as: encoding, path: path).text
    }

    /// Text decoded from a file, with the encoding it was actually read in.
    public struct DecodedText: Sendable, Equatable {
        /// NFC text with `\n` line ends.
        public var text: String
        /// The encoding the bytes were in: `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, or the one asked for.
        public var encoding: String
    }

    /// Decodes `bytes` like ``decode(_:as:path:)`` and also says which encoding they turned out to be in.
    public static func read(_ bytes: [UInt8], as encoding: TextEncoding = .automatic, path: String) throws -> DecodedText {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw ArchivistError(
                code: "empty-file",
                message: "\(path) is empty (\(bytes.count) bytes, no text); nothing to catalogue. Remove it or replace it with the document's text.",
                path: path)
        }
        let text: String
        var name = encoding.rawValue
        switch encoding {
        case .automatic, .utf8:
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]), encoding == .automatic {
                text = try decodeUTF16(bytes, path: path)
                name = bytes[0] == 0xFF ? "utf-16le" : "utf-16be"
            } else {
                try rejectBinary(bytes, path: path)
                let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
                let body = hasBOM ? Array(bytes.dropFirst(3)) : bytes
                text = try decodeUTF8(body, path: path, bomLength: bytes.count - body.count)
                name = hasBOM ? "utf-8-bom" : "utf-8"
            }
        case .windows1251:
            try rejectBinary(bytes, path: path)
            text = SingleByteCharset.windows1251.decode(bytes)
        case .windows1252:
            try rejectBinary(bytes, path: path)
            text = SingleByteCharset.windows1252.decode(bytes)
        case .latin1:
            try rejectBinary(bytes, path: path)
            text = String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        }
        let unified = text.utf8.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        // Text whose scalars are all below U+0300 (ASCII, Latin-1, Latin Extended) is already NFC;
        // only other text pays for Foundation's normalisation.
        let normalised = unified.unicodeScalars.allSatisfy({ $0.value < 0x300 }) ? unified : unified.precomposedStringWithCanonicalMapping
        return DecodedText(text: normalised, encoding: name)
    }

    /// Refuses files that are not text, naming the kind when its signature is known.
    static func rejectBinary(_ bytes: [UInt8], path: String) throws {
        let signatures: [(prefix: [UInt8], name: String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            ([0x47, 0x49, 0x46, 0x38], "a GIF image"), ([0x25, 0x50, 0x44, 0x46], "a PDF file"),
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or a DOCX/ODT file)"), ([0x1F, 0x8B], "a gzip archive"),
            ([0x49, 0x49, 0x2A, 0x00], "a TIFF image"), ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),
            ([0x53, 0x51, 0x4C, 0x69, 0x74, 0x65], "an SQLite database"),
        ]
        if let match = signatures.first(where: { bytes.starts(with: $0.prefix) }) {
            throw ArchivistError(
                code: "binary-file",
                message:
                    "\(path) is \(match.name), not a text or XML document; archivist imports text, Wilson Center pages and XML. Save the document's text (for a PDF, its text export) and ingest that.",
                path: path)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw ArchivistError(
                code: "binary-file",
                message:
                    "\(path) looks binary (a NUL byte at offset \(nul)); archivist imports text, Wilson Center pages and XML. If it is UTF-16 text, save it with a byte-order mark.",
                path: path)
        }
    }

    static func decodeUTF8(_ bytes: [UInt8], path: String, bomLength: Int) throws -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                offset += scalar.count
            case .error(let length):
                let shown = bytes[offset..<min(bytes.count, offset + max(length, 1))]
                    .map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
                throw ArchivistError(
                    code: "invalid-utf8",
                    message:
                        "\(path) is not valid UTF-8: byte \(shown) at offset \(offset + bomLength). If it is a Cyrillic export, ingest it with --encoding windows-1251 (or --encoding windows-1252 / iso-8859-1 for Western text).",
                    path: path)
            case .emptyInput:
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    static func decodeUTF16(_ bytes: [UInt8], path: String) throws -> String {
        let bigEndian = bytes[0] == 0xFE
        let body = bytes.dropFirst(2)
        guard body.count % 2 == 0 else {
            throw ArchivistError(
                code: "invalid-utf16",
                message:
                    "\(path) starts with a UTF-16 byte-order mark but has an odd number of bytes; the file is truncated or not UTF-16. Re-save it as UTF-8.",
                path: path)
        }
        let units = utf16Units(body, bigEndian: bigEndian)
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var parser = Unicode.UTF16.ForwardParser()
        var offset = 2
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF16.decode(encoded))
                offset += encoded.count * 2
            case .error:
                throw ArchivistError(
                    code: "invalid-utf16",
                    message: "\(path) is not valid UTF-16: an unpaired surrogate at byte offset \(offset). Re-save it as UTF-8.",
                    path: path)
            case .emptyInput:
                return String(scalars)
            }
        }
    }

    /// Pairs bytes into UTF-16 code units in the given byte order (an even count is the caller's check).
    static func utf16Units(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index])
            let b = UInt16(bytes[index + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            index += 2
        }
        return units
    }
}
