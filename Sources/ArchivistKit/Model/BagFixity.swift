/// What a validated BagIt bag says about one of its payload files: the bag's metadata and the
/// digests its manifests give. Stored with the file's documents and logged as a fixity check.
public struct BagFixity: Sendable, Equatable {
    /// The bag's folder as ingested.
    public var bag: String
    /// `BagIt-Version` of the bag.
    public var bagitVersion: String?
    /// The file's path inside the bag (`data/...`).
    public var payloadPath: String
    /// The file's digests by algorithm name (`sha256`, `md5`, ...), from the bag's manifests.
    public var digests: [String: String]
    /// The bag's `bag-info.txt`, in file order.
    public var info: [BagInfoEntry]

    /// Creates the fixity record of one payload file.
    public init(bag: String, bagitVersion: String?, payloadPath: String, digests: [String: String], info: [BagInfoEntry]) {
        self.bag = bag
        self.bagitVersion = bagitVersion
        self.payloadPath = payloadPath
        self.digests = digests
        self.info = info
    }

    /// Document fields that keep the bag's metadata with the documents: `bag`, `bag-path` and one
    /// `bag-info.<Label>` per label (repeated labels joined by line breaks).
    var documentFields: [String: String] {
        var fields = ["bag": bag, "bag-path": payloadPath]
        for entry in info {
            let key = "bag-info." + entry.label
            fields[key] = fields[key].map { $0 + "\n" + entry.value } ?? entry.value
        }
        return fields
    }

    /// The detail of the fixity-check event that records the bag's digests against the catalog's SHA-256.
    func eventDetail(catalogSHA256: String) -> [String: String] {
        var detail = [
            "bag": bag, "path": payloadPath, "sha256": catalogSHA256,
            "bag_info": CanonicalJSON.array(info.flatMap { [$0.label, $0.value] }),
        ]
        if let bagitVersion { detail["bagit_version"] = bagitVersion }
        for (algorithm, digest) in digests { detail["manifest_" + algorithm] = digest }
        return detail
    }
}
