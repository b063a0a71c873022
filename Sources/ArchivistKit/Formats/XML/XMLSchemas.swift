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
        if !result.messages.isEmpty { detail["messages"] = result.messages.prefix(5).joined(separator: "\n") }
        switch result.outcome {
        case .valid: return SchemaValidationRecord(outcome: .success, detail: detail)
        case .invalid: return SchemaValidationRecord(outcome: .warning, detail: detail)
        case .schemaUnreadable: return SchemaValidationRecord(outcome: .failure, detail: detail)
        }
    }
}
