import Foundation

/// Writes to stdout and stderr: JSON, human text, errors and progress.
enum Output {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    /// For large reports whose types spell their own snake-case keys: one line, no key conversion
    /// (both cost seconds on a report of 50,000 claims).
    static let compactEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func printJSON(_ value: some Encodable, compact: Bool = false) {
        guard let data = try? (compact ? compactEncoder : encoder).encode(value) else { return }
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Prints a JSON array an element at a time, each written as soon as it is given: the bytes are those
    /// `printJSON` gives for the whole array, but a long listing (inspect of a large folder) is never held in
    /// memory. Call ``finish()`` once, after the last element.
    struct ArrayPrinter {
        private var printed = 0

        /// Writes `element`, indented as an element of the pretty-printed array.
        mutating func append(_ element: some Encodable) {
            guard let data = try? Output.encoder.encode(element) else { return }
            var chunk: [UInt8] = Array(printed == 0 ? "[\n".utf8 : ",\n".utf8)
            chunk.reserveCapacity(data.count + data.count / 4)
            // Newlines inside strings are escaped, so every raw newline starts a line; empty lines (those
            // of an empty array) stay empty, as the encoder leaves them.
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var atLineStart = true
                for byte in bytes {
                    if atLineStart && byte != UInt8(ascii: "\n") { chunk.append(contentsOf: [0x20, 0x20]) }
                    chunk.append(byte)
                    atLineStart = byte == UInt8(ascii: "\n")
                }
            }
            FileHandle.standardOutput.write(Data(chunk))
            printed += 1
        }

        /// Closes the array (an empty one is printed whole).
        func finish() {
            FileHandle.standardOutput.write(Data((printed == 0 ? "[\n\n]\n" : "\n]\n").utf8))
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("archivist: error: \(message)\n".utf8))
    }

    /// Whether standard error is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// A one-line progress bar on standard error, drawn only when stderr is a terminal. Calls must not overlap (the
/// library's progress callbacks are made one at a time), hence `@unchecked Sendable`.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private var lastDraw = 0.0
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled && Output.stderrIsTerminal
    }

    func update(done: Int, total: Int, item: String) {
        guard enabled else { return }
        let now = Date().timeIntervalSince1970
        guard now - lastDraw > 0.1 || done == total else { return }
        lastDraw = now
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let name = item.count > 40 ? "…" + item.suffix(39) : item
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(done)/\(total) \(name)".utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
