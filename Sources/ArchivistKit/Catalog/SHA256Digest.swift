import Crypto
import Foundation

/// SHA-256 helpers over swift-crypto, giving lower-case hex, and the hex digit the catalog writes
/// everywhere (digests, event identifiers, JSON escapes).
public enum SHA256Digest {
    /// The SHA-256 of `bytes`, as 64 lower-case hex digits.
    public static func hex(_ bytes: some DataProtocol) -> String {
        hexString(SHA256.hash(data: bytes))
    }

    static func hexString(_ digest: some Sequence<UInt8>) -> String {
        // Written straight into the string: an audit makes one per event and per original.
        let bytes = Array(digest)
        return String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            for (index, byte) in bytes.enumerated() {
                out[2 * index] = digit(byte >> 4)
                out[2 * index + 1] = digit(byte & 0x0F)
            }
            return bytes.count * 2
        }
    }

    /// The lower-case hex digit (ASCII) of a value 0-15.
    static func digit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x57 + value }
}
