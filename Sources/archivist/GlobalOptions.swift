import ArchivistKit
import ArgumentParser
import Foundation
import Logging

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The catalog file.", discussion: "Default: $ARCHIVIST_CATALOG, else ./catalog.sqlite.", valueName: "path"))
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
    func openCatalog() throws -> Catalog {
        LoggingBootstrap.once()
        return try run { try Catalog(path: catalogPath, logger: logger("archivist.catalog")) }
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
            let usage: Set<String> = ["unknown-document", "unknown-version", "bad-query", "single-version", "schema-missing", "not-a-folder"]
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
        // glibc hands freed memory back to the kernel eagerly (madvise on every shrink of a
        // thread's arena), which with ingest's two threads cost about a fifth of the run in TLB
        // shootdowns. Keep up to 256 MiB before trimming. mallopt is in <malloc.h>, which the
        // Glibc module does not export, so it is looked up by name; elsewhere this does nothing.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            let mTrimThreshold: Int32 = -1
            let mMmapThreshold: Int32 = -3
            _ = mallopt(mTrimThreshold, 256 << 20)
            // Fixing the trim threshold also freezes glibc's adaptive mmap threshold at 128 KiB, so
            // every larger block (an XML tree's text, a file's bytes) would be mapped and zeroed
            // afresh; serve blocks up to 32 MiB from the heap instead.
            _ = mallopt(mMmapThreshold, 32 << 20)
        }
    }
}
