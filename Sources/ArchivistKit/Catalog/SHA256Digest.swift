import Crypto
import Foundation

/// SHA-256 helpers over swift-crypto, giving lower-case hex.
public enum SHA256Digest {
    /// The SHA-256 of `bytes`, as 64 lower-case hex digits.
    public static func hex(_ bytes: some DataProtocol) -> String {
        hexString(SHA256.hash(data: bytes))
    }

    static func hexString(_ digest: some Sequence<UInt8>) -> String {
        let table: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(table[Int(byte >> 4)])
            out.append(table[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
