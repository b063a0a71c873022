import Foundation
import Testing

@Suite("The shared development corpus (needs ARCHIVIST_CORPUS)")
struct CorpusTests {
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
