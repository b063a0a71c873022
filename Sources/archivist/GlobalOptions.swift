import ArchivistKit
import ArgumentParser
import Foundation
import Logging

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The catalog file.", discussion: "Default: $ARCHIVIST_CATALOG, else ./catalog.sqlite. Only ingest makes it when it is missing.",
            valueName: "path"))
    var catalog: String?

    @Flag(name: .long, help: "Print JSON on standard output (see schemas/json/).")
    var json = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors; no progress.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Log what is done on standard error.")
    var verbose = false

    /// The catalog path in force.
    var catalogPath: String {
        catalog ?? ProcessInfo.processInfo.environment["ARCHIVIST_CATALOG"] ?? "catalog.sqlite"
    }

    /// Sets up logging on standard error and opens the catalog.
    /// Opens the catalog; only `ingest` (`create`) makes one where there is none, so that a mistyped
    /// --catalog path is an error rather than a new empty catalog.
    func openCatalog(create: Bool = false) throws -> Catalog {
        LoggingBootstrap.once()
        return try run { try Catalog(path: catalogPath, create: create, logger: logger("archivist.catalog")) }
    }

    func logger(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = verbose ? .debug : quiet ? .critical : .error
        return logger
    }

    /// Runs library work, turning an ``ArchivistError`` into a message on stderr (and JSON on
    /// stdout with --json) and the matching exit status.
    func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ArchivistError {
            if json {
                Output.printJSON(ErrorOutput(error: .init(code: error.code, message: error.message, path: error.path)))
            }
            Output.printError(error.description)
            let usage: Set<String> = [
                "unknown-document", "unknown-version", "bad-query", "single-version", "schema-missing", "not-a-folder", "catalog-missing",
            ]
            throw ExitCode(usage.contains(error.code) ? 64 : 1)
        }
    }
}

/// The JSON printed on stdout when a command fails with --json.
struct ErrorOutput: Encodable {
    struct Body: Encodable {
        var code: String
        var message: String
        var path: String?
    }
    var error: Body
}

enum LoggingBootstrap {
    nonisolated(unsafe) private static var done = false
    static func once() {
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
    }
}
