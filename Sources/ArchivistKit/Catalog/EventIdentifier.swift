import Crypto
import Foundation

/// Identifiers of provenance events: random (version 4) UUIDs in lower-case text.
///
/// Ingest writes three events per file on the storing thread, and Foundation's `UUID()` opens,
/// reads and closes `/dev/urandom` for each one (5% of that thread's time). This draws the random
/// bytes from swift-crypto's generator 4 KiB at a time, 256 identifiers per refill, instead.
enum EventIdentifier {
    private static let pool = RandomPool()

    /// A new random UUID, such as `7c9e6679-7425-40de-944b-e07fc1f90ae7`.
    static func make() -> String {
        var bytes = pool.take16()
        // RFC 9562: version 4 in the high nibble of byte 6, variant 10xx in the top bits of byte 8.
        bytes.6 = (bytes.6 & 0x0F) | 0x40
        bytes.8 = (bytes.8 & 0x3F) | 0x80
        return withUnsafeBytes(of: bytes) { raw in format(raw) }
    }

    /// The 8-4-4-4-12 lower-case hex form of 16 bytes.
    static func format(_ raw: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: 36) { out in
            let digit = SHA256Digest.digit
            var position = 0
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    out[position] = UInt8(ascii: "-")
                    position += 1
                }
                out[position] = digit(byte >> 4)
                out[position + 1] = digit(byte & 0x0F)
                position += 2
            }
            return position
        }
    }

    /// Random bytes from swift-crypto, handed out 16 at a time under a lock.
    private final class RandomPool: @unchecked Sendable {
        private let lock = NSLock()
        private var buffer: [UInt8] = []
        private var next = 0

        func take16() -> uuid_t {
            lock.lock()
            defer { lock.unlock() }
            if next + 16 > buffer.count {
                buffer = SymmetricKey(size: SymmetricKeySize(bitCount: 4096 * 8)).withUnsafeBytes { Array($0) }
                next = 0
            }
            defer { next += 16 }
            return buffer.withUnsafeBytes { raw in raw.loadUnaligned(fromByteOffset: next, as: uuid_t.self) }
        }
    }
}
