import ArchivistKit
import ArgumentParser
import Chronology
import Foundation

extension Archivist {
    struct Dates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dates",
            abstract: "Find and normalise the temporal expressions of a text (dates, times, durations, sets).",
            discussion: """
                Prints each expression with its span (Unicode scalar offsets), TimeML type, value and mod, \
                its interval as EDTF, and the anchor a relative expression was resolved against: the \
                document date (--document-date, with --anchor document for letters and cables) or the most \
                recent suitable date in the narrative. --timeml reads a TimeML file's TEXT and DCT and writes \
                the same document with inline <TIMEX3 tid type value [mod]> tags (to -o or standard output), \
                for scoring with bench/score_timeml.py.
                """)

        enum Anchor: String, ExpressibleByArgument {
            case narrative, document
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The document's own date, YYYY-MM-DD.", valueName: "date"))
        var documentDate: String?

        @Option(help: "Resolve relative expressions against the narrative (histories, articles) or the document date (letters, cables).")
        var anchor: Anchor = .narrative

        @Flag(help: "Read a TimeML file and write it back with TIMEX3 tags.")
        var timeml = false

        @Option(name: .shortAndLong, help: ArgumentHelp("With --timeml: write to this file.", valueName: "file"))
        var output: String?

        @Argument(help: ArgumentHelp("The text file, or - for standard input.", valueName: "file"))
        var file: String

        func validate() throws {
            if let documentDate, CalendarDay(iso: documentDate) == nil { throw ValidationError("--document-date must be a day, YYYY-MM-DD.") }
            if anchor == .document && documentDate == nil && !timeml { throw ValidationError("--anchor document needs --document-date.") }
            if output != nil && !timeml { throw ValidationError("-o is used with --timeml.") }
        }

        func run() throws {
            let input: String = try global.run {
                let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
                guard let data, let text = String(data: data, encoding: .utf8) else {
                    throw ArchivistError(
                        code: "unreadable", message: "cannot read \(file) as UTF-8 text; check the path and its encoding.", path: file)
                }
                return text
            }
            if timeml {
                let document = TimeML.read(input)
                let tagger = DateTagger(
                    options: .init(
                        documentDate: documentDate.flatMap { CalendarDay(iso: $0) } ?? document.creationDate,
                        anchorToDocumentDate: anchor == .document))
                let tagged = TimeML.write(input, text: document.text, expressions: tagger.tag(document.text))
                if let output {
                    try global.run {
                        do { try Data(tagged.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                            throw ArchivistError(
                                code: "write-failed", message: "cannot write \(output): \(error.localizedDescription).", path: output)
                        }
                    }
                } else {
                    FileHandle.standardOutput.write(Data(tagged.utf8))
                }
                return
            }
            let tagger = DateTagger(
                options: .init(documentDate: documentDate.flatMap { CalendarDay(iso: $0) }, anchorToDocumentDate: anchor == .document))
            let expressions = tagger.tag(input)
            if global.json {
                Output.printJSON(expressions.map(DatesOutput.init))
            } else if !global.quiet {
                for expression in expressions {
                    var line =
                        "\(expression.start)-\(expression.end)  \(expression.type.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(expression.value)"
                    if let mod = expression.mod { line += " mod=\(mod)" }
                    if let edtf = expression.edtf, edtf != expression.value { line += "  [\(edtf)]" }
                    line += "  \"\(expression.text)\""
                    if let anchor = expression.anchor { line += "  (anchor: \(anchor))" }
                    for issue in expression.issues { line += "  warning: \(issue)" }
                    print(line)
                }
            }
        }
    }
}

/// `dates --json` output (schemas/json/dates.schema.json).
struct DatesOutput: Encodable {
    var start: Int
    var end: Int
    var text: String
    var type: String
    var value: String
    var mod: String?
    var edtf: String?
    var earliest: String?
    var latest: String?
    var precision: String?
    var anchor: String?
    var issues: [String]

    init(_ expression: TemporalExpression) {
        start = expression.start
        end = expression.end
        text = expression.text
        type = expression.type.rawValue
        value = expression.value
        mod = expression.mod
        edtf = expression.edtf
        earliest = expression.date?.earliest?.description
        latest = expression.date?.latest?.description
        precision = expression.date?.precision.rawValue
        anchor = expression.anchor
        issues = expression.issues
    }
}
