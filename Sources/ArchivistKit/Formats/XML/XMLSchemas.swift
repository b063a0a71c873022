import ArchivistXML
import Foundation

/// The XML schemas archivist ships (`schemas/xml/`) and checking files against them.
public enum XMLSchemas {
    /// The shipped schema for a dialect, when there is one: EAD3 (`ead3.xsd`, from the Society of
    /// American Archivists). TEI, EAD 2002, MODS and OAI-PMH schemas are not shipped; give one with
    /// `--schema`.
    public static func shipped(for dialect: String) -> String? {
        guard dialect == "ead3" else { return nil }
        return folders.map { $0 + "/ead3.xsd" }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Where shipped schemas are looked for: `$ARCHIVIST_SCHEMAS`, `./schemas/xml`, and the
    /// `schemas/xml` of the package the executable was built in.
    static var folders: [String] {
        var folders: [String] = []
        if let configured = ProcessInfo.processInfo.environment["ARCHIVIST_SCHEMAS"] { folders.append(configured) }
        folders.append(FileManager.default.currentDirectoryPath + "/schemas/xml")
        // .build/<configuration>/archivist (or .build/<triple>/<configuration>/archivist) → the package root.
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            directory = directory.deletingLastPathComponent()
            folders.append(directory.path + "/schemas/xml")
        }
        return folders
    }

    /// Checks a parsed file against `schema`, or the dialect's shipped schema when `schema` is nil.
    public static func check(_ tree: XMLTree, dialect: String, schema: String?) -> SchemaValidationRecord {
        guard let path = schema ?? shipped(for: dialect) else {
            return SchemaValidationRecord(
                outcome: .warning,
                detail: ["result": "no-schema", "dialect": dialect, "message": "no schema is shipped for \(dialect); give one with --schema"])
        }
        let result = tree.validate(schemaAt: path)
        var detail = ["schema": path, "result": result.outcome.rawValue, "errors": String(result.errorCount), "dialect": dialect]
        if !result.messages.isEmpty { detail["messages"] = result.messages.prefix(20).joined(separator: "\n") }
        switch result.outcome {
        case .valid: return SchemaValidationRecord(outcome: .success, detail: detail)
        case .invalid: return SchemaValidationRecord(outcome: .warning, detail: detail)
        case .schemaUnreadable: return SchemaValidationRecord(outcome: .failure, detail: detail)
        }
    }
}

/// What `archivist validate` found for one file.
public struct XMLValidationReport: Sendable, Codable, Equatable {
    /// The file as given.
    public var file: String
    /// `tei`, `ead2002`, `ead3`, `oai-pmh`, `mods` or `generic`.
    public var dialect: String
    /// The schema used, if any.
    public var schema: String?
    /// `valid`, `invalid`, `no-schema` or `schema-unreadable`.
    public var result: String
    /// How many errors libxml2 reported.
    public var errors: Int
    /// The first messages (`line N: ...`).
    public var messages: [String]

    /// Whether the file is valid against its schema.
    public var isValid: Bool { result == "valid" }
}

extension XMLSchemas {
    /// Parses the file at `path` (hardened as for ingest) and checks it against `schema`, or its
    /// dialect's shipped schema.
    ///
    /// - Throws: ``ArchivistError`` when the file cannot be read or is refused as XML.
    public static func validate(file path: String, schema: String?, limits: XMLLimits = XMLLimits()) throws -> XMLValidationReport {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw ArchivistError(code: "unreadable", message: "cannot read \(path); check the path and its permissions.", path: path)
        }
        if let schema, !FileManager.default.fileExists(atPath: schema) {
            throw ArchivistError(code: "schema-missing", message: "the schema \(schema) does not exist; check --schema.", path: schema)
        }
        let read = try XMLImporter(limits: limits).read(bytes: Array(bytes), path: path)
        let record = check(read.tree, dialect: read.dialect, schema: schema)
        return XMLValidationReport(
            file: path, dialect: read.dialect, schema: record.detail["schema"], result: record.detail["result"] ?? "no-schema",
            errors: Int(record.detail["errors"] ?? "0") ?? 0,
            messages: record.detail["messages"].map { $0.split(separator: "\n").map(String.init) } ?? [])
    }
}
