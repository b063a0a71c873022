import Foundation
import Testing

@Suite("archivist bag validate, ingest BAG and export --bag")
struct BagCLITests {
    /// One case of the Library of Congress BagIt conformance suite.
    struct Case: CustomStringConvertible {
        var version: String
        var category: String
        var name: String
        var description: String { "\(version)/\(category)/\(name)" }
    }

    @Test("the Library of Congress conformance suite: all 54 Linux cases behave as its README's contract says")
    func conformanceSuite() throws {
        guard let corpus = CLIRunner.corpus else {
            print("SKIPPED: the shared corpus is absent (set ARCHIVIST_CORPUS); BagIt conformance suite not run")
            return
        }
        let suite = corpus + "/bagit-conformance"
        var cases: [Case] = []
        for version in try FileManager.default.contentsOfDirectory(atPath: suite).sorted() where version.hasPrefix("v") {
            for category in try FileManager.default.contentsOfDirectory(atPath: "\(suite)/\(version)").sorted() {
                for name in try FileManager.default.contentsOfDirectory(atPath: "\(suite)/\(version)/\(category)").sorted() {
                    cases.append(Case(version: version, category: category, name: name))
                }
            }
        }
        let scratch = try Scratch()
        var misbehaving: [String] = []
        var run = 0
        for item in cases where item.category != "windows-only" {
            var categoryFolder = "\(suite)/\(item.version)/\(item.category)"
            if item.name == "special-system-files" {
                // Upstream lost the empty data/.DS_Store its manifest lists; recreate it in a copy.
                categoryFolder = scratch.path + "/special"
                try FileManager.default.createDirectory(atPath: categoryFolder, withIntermediateDirectories: true)
                try FileManager.default.copyItem(
                    atPath: "\(suite)/\(item.version)/\(item.category)/\(item.name)", toPath: categoryFolder + "/" + item.name)
                try scratch.write("special/\(item.name)/data/.DS_Store", "")
            }
            // The harness's way: the category folder as working directory, the bag's name last.
            let result = try CLIRunner.run(["bag", "validate", item.name], in: categoryFolder)
            run += 1
            let behaves: Bool
            switch item.category {
            case "valid": behaves = result.status == 0
            case "invalid", "linux-only": behaves = result.status != 0 && result.status != 64
            case "warning": behaves = result.status != 0 || !result.stderr.isEmpty
            default: behaves = false
            }
            if !behaves { misbehaving.append("\(item) exit \(result.status): \(result.stdout) \(result.stderr)") }
        }
        #expect(run == 54)
        #expect(misbehaving.isEmpty, "\(misbehaving.joined(separator: "\n"))")
        #expect(cases.filter { $0.category == "windows-only" }.count == 6)
    }

    @Test("the special-system-files case, completed, is valid with a warning on stderr")
    func systemFiles() throws {
        guard let corpus = CLIRunner.corpus else {
            print("SKIPPED: the shared corpus is absent (set ARCHIVIST_CORPUS)")
            return
        }
        let scratch = try Scratch()
        try FileManager.default.copyItem(atPath: corpus + "/bagit-conformance/v0.97/warning/special-system-files", toPath: scratch.path + "/bag")
        try scratch.write("bag/data/.DS_Store", "")
        let result = try CLIRunner.run(["bag", "validate", "bag"], in: scratch.path)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stderr.contains("payload-system-file"))
        #expect(result.stderr.contains(".DS_Store") && result.stderr.contains("Thumbs.db"))
    }

    @Test("ingest a received bag, export documents as a bag that archivist and bagit-python validate; --json matches its schemas")
    func roundTrip() throws {
        let scratch = try Scratch()
        try scratch.copySample()
        let digest = try sha256(of: scratch.path + "/ingest/article-east-turkistan-1949.txt")
        let size = try FileManager.default.attributesOfItem(atPath: scratch.path + "/ingest/article-east-turkistan-1949.txt")[.size] as! Int
        try scratch.write("received/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        try scratch.write("received/bag-info.txt", "Source-Organization: Example Archive\nPayload-Oxum: \(size).1\n")
        try FileManager.default.createDirectory(atPath: scratch.path + "/received/data", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: scratch.path + "/ingest/article-east-turkistan-1949.txt", toPath: scratch.path + "/received/data/article.txt")
        try scratch.write("received/manifest-sha256.txt", "\(digest)  data/article.txt\n")

        let validate = try CLIRunner.run(["bag", "validate", "received", "--json"], in: scratch.path)
        #expect(validate.status == 0, "\(validate.stdout)")
        try expectValid(validate.stdout, "bag-validate")

        let ingest = try CLIRunner.run(["ingest", "received", "--json"], in: scratch.path)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        try expectValid(ingest.stdout, "ingest")
        let show = try CLIRunner.run(["show", "received/data/article.txt"], in: scratch.path)
        #expect(show.stdout.contains("bag-info.Source-Organization: Example Archive"))
        let history = try CLIRunner.run(["history", "received/data/article.txt"], in: scratch.path)
        #expect(history.stdout.contains("fixity check (success)") && history.stdout.contains("manifest_sha256=\(digest)"))

        // A changed payload file: the bag is refused as a whole, with the reason, exit 1.
        try scratch.write("received/data/article.txt", "altered")
        let refused = try CLIRunner.run(["ingest", "received"], in: scratch.path)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("bag-invalid") || refused.stdout.contains("is invalid"))
        #expect(refused.stdout.contains("digest-mismatch"))
        let invalid = try CLIRunner.run(["bag", "validate", "received"], in: scratch.path)
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("expected sha256 \(digest)"))

        _ = try CLIRunner.run(["ingest"], in: scratch.path)
        let export = try CLIRunner.run(["export", "--bag", "out", "--json"], in: scratch.path)
        #expect(export.status == 0, "\(export.stderr)")
        try expectValid(export.stdout, "export")
        let ours = try CLIRunner.run(["bag", "validate", "out"], in: scratch.path)
        #expect(ours.status == 0, "\(ours.stdout)")
        #expect(ours.stderr.isEmpty)
        let python = try bagitPython(["--validate", scratch.path + "/out"])
        #expect(python.status == 0, "bagit-python: \(python.output)")
        let again = try CLIRunner.run(["export", "--bag", "out"], in: scratch.path)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
    }

    @Test("usage errors exit 64: a path that is not a folder, --bag with -o, export without an id")
    func usage() throws {
        let scratch = try Scratch()
        try scratch.write("file.txt", "x")
        #expect(try CLIRunner.run(["bag", "validate", "file.txt"], in: scratch.path).status == 64)
        #expect(try CLIRunner.run(["bag", "validate", "missing"], in: scratch.path).status == 64)
        #expect(try CLIRunner.run(["export", "--bag", "out", "-o", "x"], in: scratch.path).status == 64)
        #expect(try CLIRunner.run(["export"], in: scratch.path).status == 64)
        let help = try CLIRunner.run(["bag", "validate", "--help"], in: scratch.path)
        #expect(help.stdout.contains("0.93 to 1.0") && help.stdout.contains("Exit status"))
    }

    func sha256(of path: String) throws -> String {
        let result = try CLIRunner.shell(["sha256sum", path])
        return String(result.output.prefix(64))
    }

    /// Runs bagit-python (`python3 -m bagit`), which .ci/run installs.
    func bagitPython(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try CLIRunner.shell(["python3", "-m", "bagit"] + arguments)
    }
}
