import Foundation
import Testing

/// Runs the built `archivist` binary, as a user would.
struct CLIRunner {
    /// The result of one run.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed]) }
    }

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary: $ARCHIVIST_BIN, else `archivist` beside the test bundle (swift test builds it).
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["ARCHIVIST_BIN"] { return path }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("archivist").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/archivist").path
    }()

    /// The shared corpus folder ($ARCHIVIST_CORPUS, default ../shared/corpus), or nil when absent.
    static let corpus: String? = {
        let path =
            ProcessInfo.processInfo.environment["ARCHIVIST_CORPUS"]
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// Runs `archivist arguments` in `directory` and waits for it.
    @discardableResult
    /// What the CLI prints with `--json` for `value`, as its encoder writes it (pretty, sorted,
    /// snake-case keys) with the closing newline: for comparing output printed as it is read.
    static func printedJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:], prefix: [String] = []) throws -> Result {
        let process = try start(arguments, in: directory, environment: environment, prefix: prefix)
        let out = process.standardOutput as! Pipe
        let err = process.standardError as! Pipe
        // Read both pipes while the process runs so that a large output never blocks it. The
        // semaphore orders the reader's write before this thread's read (polling the thread's
        // flags did not, and the race corrupted the heap now and then).
        final class Received: @unchecked Sendable { var data = Data() }
        let errors = Received()
        let read = DispatchSemaphore(value: 0)
        Thread {
            errors.data = err.fileHandleForReading.readDataToEndOfFile()
            read.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        read.wait()
        let errData = errors.data
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `archivist arguments` without waiting (for kill and concurrency tests).
    static func start(_ arguments: [String], in directory: String, environment: [String: String] = [:], prefix: [String] = []) throws -> Process {
        let process = Process()
        if prefix.isEmpty {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: prefix[0])
            process.arguments = Array(prefix.dropFirst()) + [binary] + arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ARCHIVIST_CATALOG")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Validates a JSON document against one of `schemas/json/*.schema.json` with python's jsonschema.
    static func validate(_ json: String, schema name: String) throws -> (Bool, String) {
        let schema = packageRoot.appendingPathComponent("schemas/json/\(name).schema.json").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin)))
            print("\\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors))
            sys.exit(1 if errors else 0)
            """, schema,
        ]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(json.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, text)
    }
}

/// A temporary folder for one test, removed when released.
final class Scratch {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/archivist-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + name
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// Copies the repository's sample corpus into `ingest/` here.
    func copySample() throws {
        try FileManager.default.copyItem(
            atPath: CLIRunner.packageRoot.appendingPathComponent("ingest").path, toPath: path + "/ingest")
    }
}

extension CLIRunner {
    /// Runs another program (found on PATH) and returns its status and combined output.
    static func shell(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

/// Expects `json` to match `schemas/json/<schema>.schema.json`.
func expectValid(_ json: String, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let (ok, message) = try CLIRunner.validate(json, schema: schema)
    #expect(ok, "\(schema): \(message)", sourceLocation: sourceLocation)
}
