import Foundation
import GRDB

@testable import ArchivistKit

/// A temporary folder for one test, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/archivist-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to `name` (creating folders) and returns the full path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    func catalog() throws -> Catalog {
        try Catalog(path: path + "/catalog.sqlite")
    }

    /// A catalog file (`old.sqlite`) migrated only up to `migration`, as an older archivist left it.
    func olderCatalog(upTo migration: String) throws -> (path: String, queue: DatabaseQueue) {
        let path = path + "/old.sqlite"
        let queue = try DatabaseQueue(path: path)
        try CatalogSchema.migrator.migrate(queue, upTo: migration)
        return (path, queue)
    }
}

/// A Wilson Center PDF export, parameterised for tests.
func wilsonExport(
    id: String = "555001", date: String = "February 6, 1949", citationDate: String = "February 06, 1949",
    title: String = "Memorandum of Conversation between Anastas Mikoyan and Mao Zedong",
    credit: String = "Translated by Sergey Radchenko.", body: String = "Mao said the army would take Xinjiang by 1951."
) -> String {
    """
    Digital Archive digitalarchive.wilsoncenter.org
    International History Declassified

    \(date)
    \(title)

    Citation:
    "\(title)," \(citationDate), History and Public Policy Program Digital Archive, APRF: F. 39, Op. 1, D. 39, Ll. 78-82. \(credit) https://digitalarchive.wilsoncenter.org/document/\(id)

    Summary:
    A conversation on Xinjiang.

    Original Language:
    Russian

    Contents:
    English Translation

    \(body)
    """
}

/// The same record as the web page saves it.
func wilsonPage(id: String = "555001", body: String = "Mao said the army would take the whole of Xinjiang by 1951.") -> String {
    """
    February 6, 1949

    Memorandum of Conversation between Anastas Mikoyan and Mao Zedong

    This document was made possible with support from the Blavatnik Family Foundation

    \(body)

    Summary

    A conversation on Xinjiang.

    Document Information

    Source
    APRF: F. 39, Op. 1, D. 39, Ll. 78-82. Translated by Sergey Radchenko.

    Rights
    Sample rights statement.

    Record ID
    \(id)
    """
}

extension TemporaryFolder {
    /// Writes a BagIt bag named `name` holding `payload` (paths under data/ to text), with a
    /// manifest and a tag manifest for each algorithm, and returns its path.
    @discardableResult
    func makeBag(
        _ name: String, payload: [String: String], algorithms: [BagDigestAlgorithm] = [.sha256, .sha512], version: String = "1.0",
        info: String? = nil
    ) throws -> String {
        let bytes = payload.mapValues { Array($0.utf8) }
        try write("\(name)/bagit.txt", "BagIt-Version: \(version)\nTag-File-Character-Encoding: UTF-8\n")
        let octets = bytes.values.reduce(0) { $0 + $1.count }
        try write(
            "\(name)/bag-info.txt",
            info ?? "Source-Organization: Test Archive\nExternal-Identifier: test-bag-1\nPayload-Oxum: \(octets).\(bytes.count)\n")
        for (path, content) in bytes { try write("\(name)/\(path)", content) }
        var tagFiles = ["bagit.txt", "bag-info.txt"]
        for algorithm in algorithms {
            let lines = bytes.keys.sorted().map { path in "\(bytes[path]!.withUnsafeBytes { algorithm.hex(of: $0) })  \(path)\n" }
            try write("\(name)/manifest-\(algorithm.rawValue).txt", lines.joined())
            tagFiles.append("manifest-\(algorithm.rawValue).txt")
        }
        for algorithm in algorithms {
            let lines = try tagFiles.map { file in
                let content = try Data(contentsOf: URL(fileURLWithPath: "\(path)/\(name)/\(file)"))
                return "\(content.withUnsafeBytes { algorithm.hex(of: $0) })  \(file)\n"
            }
            try write("\(name)/tagmanifest-\(algorithm.rawValue).txt", lines.joined())
        }
        return path + "/" + name
    }
}
