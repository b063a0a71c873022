/// A small, fast, canonical JSON writer for the catalog's own columns and event hashes: no
/// whitespace, object keys sorted by their UTF-8 bytes, `/` not escaped, non-ASCII written as is.
///
/// Foundation's JSONEncoder gives the same bytes for these shapes but cost tens of microseconds a
/// call on Linux, and an ingest writes several per file and an audit one per event.
enum CanonicalJSON {
    /// `["a","b"]`.
    static func array(_ strings: [String]) -> String {
        String(decoding: arrayBytes(strings), as: UTF8.self)
    }

    /// The UTF-8 bytes of ``array(_:)``, for hashing without making a string first.
    static func arrayBytes(_ strings: [String]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(strings.reduce(2) { $0 + $1.utf8.count + 3 })
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(string, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// `{"key":"value",...}` with sorted keys.
    static func object(_ fields: [String: String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (index, key) in fields.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(key, to: &out)
            out.append(UInt8(ascii: ":"))
            append(fields[key]!, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `[{"code":"...","message":"..."},...]`.
    static func warnings(_ warnings: [ImportWarning]) -> String {
        "[" + warnings.map { object(["code": $0.code, "message": $0.message]) }.joined(separator: ",") + "]"
    }

    static func append(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            // The runs between characters that need an escape are copied whole (most strings,
            // digests, names, times, have none; an event's detail has a quote every few bytes).
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(0x5C)
                switch byte {
                case 0x22, 0x5C: out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append(UInt8(ascii: "u"))
                    out.append(0x30)
                    out.append(0x30)
                    out.append(SHA256Digest.digit(byte >> 4))
                    out.append(SHA256Digest.digit(byte & 0xF))
                }
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
