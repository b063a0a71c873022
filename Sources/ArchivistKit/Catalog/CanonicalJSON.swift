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
        // Most strings (digests, names, times) need no escape: copied whole.
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out.append(contentsOf: string.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20: out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, SHA256Digest.digit(byte >> 4), SHA256Digest.digit(byte & 0xF)]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
