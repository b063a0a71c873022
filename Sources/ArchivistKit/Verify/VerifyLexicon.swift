import Crypto
import Foundation

/// The verifier's knowledge of the subject, read from data files: event words (`events.tsv`), names
/// of people, organisations and places (`aliases.tsv`) and the gazetteer (`gazetteer.tsv`).
///
/// The shipped files are read first; files of the same names in the catalog's folder add lines or
/// replace shipped ones. Nothing about particular events, people or places is written in code.
public struct VerifyLexicon: Sendable {
    /// An event type and how its claims are matched.
    public struct EventType: Sendable, Equatable {
        /// The type's name (`crash`, `meeting`).
        public var name: String
        /// Types of one family (a journey) are compared with each other.
        public var family: String?
        /// How many days apart two dates of one event may lie.
        public var windowDays: Int
        /// How many participants two claims must share to be about one event.
        public var sharedParticipants: Int
        /// Whether the place is part of the event's identity.
        public var placeIsIdentity: Bool
        /// Priority: a sentence naming several types is a claim about the lowest.
        public var rank: Int
    }

    /// A named thing a text may mention.
    public struct Entity: Sendable, Equatable {
        /// The canonical name.
        public var name: String
        /// `person`, `organisation` or `place`.
        public var kind: String
    }

    /// A place of the gazetteer.
    public struct Place: Sendable, Equatable {
        /// The canonical name.
        public var name: String
        /// `country`, `province`, `city`, `lake` ...
        public var kind: String
        /// The place containing it, if any.
        public var parent: String?
        /// Latitude and longitude in degrees.
        public var latitude: Double, longitude: Double
        /// The area's radius in kilometres.
        public var radiusKm: Double
    }

    var eventTypes: [String: EventType] = [:]
    var eventWords = PhraseMatcher<String>()
    var dateRoles: [(role: String, anywhere: Bool, phrases: PhraseMatcher<String>)] = []
    var placeRoles = PhraseMatcher<String>()
    var placeVague = PhraseMatcher<Double>()
    var placeDescriptors = PhraseMatcher<Bool>()
    var planned = PhraseMatcher<Bool>()
    var distinct = PhraseMatcher<Bool>()
    var dateSkip = PhraseMatcher<Bool>()
    var attribution = PhraseMatcher<Bool>()
    var subjects = PhraseMatcher<String>()
    var countWords = PhraseMatcher<String>()
    /// Count categories that are parts of a total (`passengers` -> `people aboard`).
    var countParts: [String: String] = [:]
    /// Count categories read as another in claims of a family or type (`people` -> `people aboard` in a journey).
    var countAs: [String: (category: String, scope: String)] = [:]
    var entities = PhraseMatcher<Entity>()
    /// The gazetteer, by canonical name.
    public private(set) var places: [String: Place] = [:]
    /// A digest of the data files' text: claims extracted with other files are re-derived.
    public private(set) var fingerprint: String = ""

    /// The event types, by name.
    public var types: [String: EventType] { eventTypes }

    /// The shipped data files, then those in `extraFolder` (the catalog's folder) when present.
    ///
    /// - Throws: ``ArchivistError`` `data-file-invalid` naming the file and line of a malformed line.
    public static func load(extraFolder: String? = nil) throws -> VerifyLexicon {
        var files: [DataFile] = []
        for name in ["events", "aliases", "gazetteer"] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "tsv"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else {
                throw ArchivistError(
                    code: "data-file-missing", message: "the shipped data file \(name).tsv is missing; reinstall archivist.", path: name + ".tsv")
            }
            files.append(DataFile(kind: name, path: "\(name).tsv (shipped)", text: text))
            let extra = (extraFolder ?? ".") + "/\(name).tsv"
            if extraFolder != nil, FileManager.default.fileExists(atPath: extra) {
                guard let text = try? String(contentsOfFile: extra, encoding: .utf8) else {
                    throw ArchivistError(
                        code: "data-file-invalid", message: "\(extra) is not readable UTF-8 text; save it as UTF-8 with tab-separated fields.",
                        path: extra)
                }
                files.append(DataFile(kind: name, path: extra, text: text))
            }
        }
        return try VerifyLexicon(files: files)
    }

    /// The shipped data files only (what tests and `--json` consumers can rely on).
    public static let shipped: VerifyLexicon = { (try? load()) ?? (try! VerifyLexicon(files: [])) }()

    /// One data file's text: `kind` is `events`, `aliases` or `gazetteer`; `path` names it in errors.
    public struct DataFile: Sendable {
        /// `events`, `aliases` or `gazetteer`.
        public var kind: String
        /// How errors name the file.
        public var path: String
        /// The file's text.
        public var text: String

        /// Describes a data file.
        public init(kind: String, path: String, text: String) {
            self.kind = kind
            self.path = path
            self.text = text
        }
    }

    /// Builds the lexicon from data files, in order; later lines replace earlier ones of the same key.
    public init(files: [DataFile]) throws {
        let digest = SHA256.hash(data: Data(files.map { $0.kind + "\u{1}" + $0.text }.joined(separator: "\u{2}").utf8))
        fingerprint = digest.map { String(format: "%02x", $0) }.joined()
        var eventRows: [[String]] = []
        for file in files where file.kind == "events" { eventRows += try Self.rows(file.text, file: file.path, columns: 4) }
        try readEvents(eventRows)
        for file in files where file.kind == "gazetteer" { try readGazetteer(Self.rows(file.text, file: file.path, columns: 6), file: file.path) }
        for file in files where file.kind == "aliases" { try readAliases(Self.rows(file.text, file: file.path, columns: 3), file: file.path) }
    }

    private static func rows(_ text: String, file: String, columns: Int) throws -> [[String]] {
        var rows: [[String]] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == columns else {
                throw ArchivistError(
                    code: "data-file-invalid",
                    message:
                        "\(file) line \(number + 1) has \(fields.count) tab-separated fields, not \(columns): \(line). Fix that line (fields are separated by tabs).",
                    path: file)
            }
            rows.append(fields)
        }
        return rows
    }

    private static func phrases(_ field: String) -> [String] {
        field.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private mutating func readEvents(_ rows: [[String]]) throws {
        // Later lines with the same section and name replace earlier ones.
        var ordered: [String] = []
        var latest: [String: [String]] = [:]
        for row in rows {
            let key = row[0] + "\t" + row[1] + (row[1] == "-" ? "\t" + row[3] : "")
            if latest[key] == nil { ordered.append(key) }
            latest[key] = row
        }
        var rank = 0
        for key in ordered {
            let row = latest[key]!
            let (section, name, settings, words) = (row[0], row[1], row[2], Self.phrases(row[3]))
            switch section {
            case "event":
                var type = EventType(name: name, family: nil, windowDays: 7, sharedParticipants: 1, placeIsIdentity: false, rank: rank)
                rank += 1
                for setting in settings.split(separator: ";") {
                    let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
                    switch parts[0] {
                    case "family": type.family = parts.count > 1 ? parts[1] : nil
                    case "window": type.windowDays = Int(parts.count > 1 ? parts[1] : "") ?? 7
                    case "shared": type.sharedParticipants = Int(parts.count > 1 ? parts[1] : "") ?? 1
                    case "place-key": type.placeIsIdentity = true
                    default: break
                    }
                }
                eventTypes[name] = type
                for word in words { eventWords.add(word, name) }
            case "date-role":
                var matcher = PhraseMatcher<String>()
                for word in words { matcher.add(word, name) }
                dateRoles.append((name, settings == "anywhere", matcher))
            case "place-role": for word in words { placeRoles.add(word, name) }
            case "place-vague": for word in words { placeVague.add(word, Double(name) ?? 100) }
            case "place-descriptor": for word in words { placeDescriptors.add(word, true) }
            case "modality": for word in words { planned.add(word, true) }
            case "distinct": for word in words { distinct.add(word, true) }
            case "date-skip": for word in words { dateSkip.add(word, true) }
            case "attribution": for word in words { attribution.add(word, true) }
            case "subject": for word in words { subjects.add(word, name) }
            case "count":
                for word in words { countWords.add(word, name) }
                if settings.hasPrefix("part=") { countParts[name] = String(settings.dropFirst(5)) }
                if settings.hasPrefix("as="), let at = settings.firstIndex(of: "@") {
                    let target = String(settings[settings.index(settings.startIndex, offsetBy: 3)..<at])
                    countAs[name] = (target, String(settings[settings.index(after: at)...]))
                }
            default:
                throw ArchivistError(
                    code: "data-file-invalid", message: "events.tsv: unknown section \(section); see the shipped events.tsv for the sections.",
                    path: "events.tsv")
            }
        }
    }

    private mutating func readGazetteer(_ rows: [[String]], file: String) throws {
        for row in rows {
            guard let latitude = Double(row[3]), let longitude = Double(row[4]), let radius = Double(row[5]) else {
                throw ArchivistError(
                    code: "data-file-invalid",
                    message: "\(file): the coordinates or radius of \(row[0]) are not numbers (\(row[3]), \(row[4]), \(row[5])); fix that line.",
                    path: file)
            }
            places[row[0]] = Place(
                name: row[0], kind: row[1], parent: row[2] == "-" ? nil : row[2], latitude: latitude, longitude: longitude, radiusKm: radius)
            entities.add(row[0], Entity(name: row[0], kind: "place"))
        }
    }

    private mutating func readAliases(_ rows: [[String]], file: String) throws {
        for row in rows {
            guard ["person", "organisation", "place"].contains(row[1]) else {
                throw ArchivistError(
                    code: "data-file-invalid", message: "\(file): \(row[0]) has kind \(row[1]); the kind is person, organisation or place.",
                    path: file)
            }
            let entity = Entity(name: row[0], kind: row[1])
            entities.add(row[0], entity)
            for variant in Self.phrases(row[2]) { entities.add(variant, entity) }
        }
    }

    // MARK: Places

    /// Whether `inner` lies within `outer` by the gazetteer's hierarchy.
    public func isWithin(_ inner: String, _ outer: String) -> Bool {
        var current = places[inner]?.parent
        var steps = 0
        while let name = current, steps < 16 {
            if name == outer { return true }
            current = places[name]?.parent
            steps += 1
        }
        return false
    }

    /// Whether two places of one event can both be right: one contains the other, or their areas
    /// (widened by vague words such as "east of") overlap. Unknown places are never incompatible.
    public func compatible(_ a: String, widenedBy widenA: Double = 0, _ b: String, widenedBy widenB: Double = 0) -> Bool {
        if a == b || isWithin(a, b) || isWithin(b, a) { return true }
        guard let p = places[a], let q = places[b] else { return true }
        return Self.distanceKm(p, q) <= p.radiusKm + widenA + q.radiusKm + widenB
    }

    /// Great-circle distance between two places' points.
    static func distanceKm(_ p: Place, _ q: Place) -> Double {
        let r = 6371.0
        let (la1, la2) = (p.latitude * .pi / 180, q.latitude * .pi / 180)
        let dla = la2 - la1
        let dlo = (q.longitude - p.longitude) * .pi / 180
        let h = sin(dla / 2) * sin(dla / 2) + cos(la1) * cos(la2) * sin(dlo / 2) * sin(dlo / 2)
        return 2 * r * asin(min(1, sqrt(h)))
    }

    /// The chain of places containing `name`, outermost last ("Irkutsk, Irkutsk Oblast, Siberia, Russia, Soviet Union").
    public func hierarchy(_ name: String) -> [String] {
        var chain = [name]
        var current = places[name]?.parent
        while let next = current, chain.count < 16 {
            chain.append(next)
            current = places[next]?.parent
        }
        return chain
    }
}
