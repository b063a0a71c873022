import Foundation
import Testing

@Suite("The shared development corpus (needs ARCHIVIST_CORPUS)")
struct CorpusTests {
    @Test("etr-dev: the record saved in both layouts is one document with two versions (score_verify.py)")
    func etrDevVersions() throws {
        guard let corpus = CLIRunner.corpus else {
            print("SKIPPED: the shared corpus is absent (set ARCHIVIST_CORPUS); etr-dev check not run")
            return
        }
        let scratch = try Scratch()
        let ingest = try CLIRunner.run(["ingest", corpus + "/etr-dev", "--json"], in: scratch.path)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let files = try #require((ingest.json as? [String: Any])?["files"] as? [[String: Any]])
        #expect(files.filter { $0["status"] as? String == "failed" }.isEmpty)
        let list = try CLIRunner.run(["list", "--json"], in: scratch.path)
        try Data(list.stdout.utf8).write(to: URL(fileURLWithPath: scratch.path + "/L.json"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: scratch.path + "/V.json"))
        let scorer = (corpus as NSString).deletingLastPathComponent + "/tools/score_verify.py"
        let (_, output) = try CLIRunner.shell([
            "python3", scorer, corpus + "/etr-dev/key.json", "--verify", scratch.path + "/V.json", "--list", scratch.path + "/L.json",
        ])
        #expect(output.contains("ok     one document with 2 versions"), "\(output)")
    }

    @Test("the seed article ingests as a plain-text document titled by its first line")
    func seedArticle() throws {
        guard let corpus = CLIRunner.corpus else {
            print("SKIPPED: the shared corpus is absent (set ARCHIVIST_CORPUS); seed check not run")
            return
        }
        let scratch = try Scratch()
        let result = try CLIRunner.run(["ingest", corpus + "/etr-dev/east-turkistan-article.txt", "--json"], in: scratch.path)
        #expect(result.status == 0)
        let show = try CLIRunner.run(["show", "east-turkistan-article.txt", "--json"], in: scratch.path)
        let versions = try #require((show.json as? [String: Any])?["versions"] as? [[String: Any]])
        #expect(versions.first?["title"] as? String == "Restoring Freedom and Independence to East Turkistan and its People")
        #expect(versions.first?["format"] as? String == "text")
    }
}
