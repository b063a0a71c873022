import Crypto

/// A checksum algorithm a BagIt manifest can name (`manifest-<algorithm>.txt`).
public enum BagDigestAlgorithm: String, Sendable, Codable, CaseIterable, Comparable {
    case md5, sha1, sha224, sha256, sha384, sha512

    /// Hex digits in a digest of this algorithm.
    public var hexLength: Int {
        switch self {
        case .md5: 32
        case .sha1: 40
        case .sha224: 56
        case .sha256: 64
        case .sha384: 96
        case .sha512: 128
        }
    }

    /// Algorithms in the order of their strength, so reports list them the same way every time.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Starts a digest computation.
    func makeHasher() -> BagHasher {
        switch self {
        case .md5: .md5(Insecure.MD5())
        case .sha1: .sha1(Insecure.SHA1())
        case .sha224: .openSSL(OpenSSLDigest("SHA224"))
        case .sha256: .sha256(SHA256())
        case .sha384: .openSSL(OpenSSLDigest("SHA384"))
        case .sha512: .openSSL(OpenSSLDigest("SHA512"))
        }
    }

    /// The digest of `bytes`, as lower-case hex.
    public func hex(of bytes: UnsafeRawBufferPointer) -> String {
        var hasher = makeHasher()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }
}

/// One running digest computation of any ``BagDigestAlgorithm``: swift-crypto for MD5, SHA-1
/// and SHA-256, OpenSSL for the others (see ``OpenSSLDigest``).
enum BagHasher {
    case md5(Insecure.MD5)
    case sha1(Insecure.SHA1)
    case sha256(SHA256)
    case openSSL(OpenSSLDigest)

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .md5(var h):
            h.update(bufferPointer: bytes)
            self = .md5(h)
        case .sha1(var h):
            h.update(bufferPointer: bytes)
            self = .sha1(h)
        case .sha256(var h):
            h.update(bufferPointer: bytes)
            self = .sha256(h)
        case .openSSL(let h): h.update(bytes)
        }
    }

    mutating func finalizeHex() -> String {
        switch self {
        case .md5(let h): SHA256Digest.hexString(h.finalize())
        case .sha1(let h): SHA256Digest.hexString(h.finalize())
        case .sha256(let h): SHA256Digest.hexString(h.finalize())
        case .openSSL(let h): SHA256Digest.hexString(h.finalize())
        }
    }
}
