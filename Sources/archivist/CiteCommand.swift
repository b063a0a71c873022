import ArchivistKit
import ArgumentParser
import Foundation

extension Archivist {
    struct Cite: ParsableCommand {
        enum Style: String, ExpressibleByArgument, CaseIterable {
            case chicago
            case cslJSON = "csl-json"
            case bibtex
        }

        static let configuration = CommandConfiguration(
            commandName: "cite",
            abstract: "Cite a catalogued document: Chicago (note and bibliography), CSL-JSON (Zotero) or BibTeX.",
            discussion: """
                The parts come from the source's own citation, parsed (title verbatim, archival references \
                normalised: archive, fond, opis, delo, papka, list(s); translators; URL), and from the \
                catalogued metadata (the document's date value, not the citation's possibly defective date \
                string). Defects of the source's citation ("26, 1949", "February 04, 1949", a comma outside \
                the quotes, a missing URL) are listed on standard error, never silently repaired in the record.
                --json prints all three forms ({document, chicago_note, chicago_bibliography, bibtex, csl_json, defects}).
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "chicago, csl-json or bibtex.")
        var style: Style = .chicago

        @Option(help: "The version to cite (default: the latest).")
        var version: Int?

        @Argument(help: "The document id.")
        var id: String

        func run() throws {
            let catalog = try global.openCatalog()
            let citation = try global.run { () throws -> FormattedCitation in
                let detail = try catalog.document(id)
                guard let shown = version.map({ number in detail.versions.first { $0.number == number } }) ?? detail.versions.last else {
                    throw ArchivistError(
                        code: "unknown-version", message: "\(id) has no version \(version ?? 0); `archivist history \(id)` lists them.")
                }
                return CitationFormatter.format(
                    document: id, version: shown, archives: ArchivalReferenceParser.archives(extraFolder: catalog.folder))
            }
            for defect in citation.defects where !global.quiet {
                FileHandle.standardError.write(Data("archivist: note: the source's citation: \(defect.code): \(defect.message)\n".utf8))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            if global.json {
                FileHandle.standardOutput.write(try encoder.encode(citation) + Data("\n".utf8))
                return
            }
            switch style {
            case .chicago:
                print("Note:         \(citation.chicagoNote)")
                print("Bibliography: \(citation.chicagoBibliography)")
            case .cslJSON:
                FileHandle.standardOutput.write(try encoder.encode([citation.cslJSON]) + Data("\n".utf8))
            case .bibtex:
                print(citation.bibtex)
            }
        }
    }
}
