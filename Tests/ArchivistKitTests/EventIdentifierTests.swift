import Foundation
import Testing

@testable import ArchivistKit

@Suite("Event identifiers: random version 4 UUIDs")
struct EventIdentifierTests {
    @Test("the text form is Foundation's, in lower case, for given bytes")
    func formatMatchesFoundation() {
        for _ in 0..<100 {
            let uuid = UUID()
            let text = withUnsafeBytes(of: uuid.uuid) { EventIdentifier.format($0) }
            #expect(text == uuid.uuidString.lowercased())
        }
        let zeros = withUnsafeBytes(of: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).uuid) { EventIdentifier.format($0) }
        #expect(zeros == "00000000-0000-0000-0000-000000000000")
    }

    @Test("identifiers parse as UUIDs of version 4 and variant 10, and never repeat across threads and refills")
    func randomAndUnique() async {
        let batches = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask { (0..<2_000).map { _ in EventIdentifier.make() } }
            }
            var all: [[String]] = []
            for await batch in group { all.append(batch) }
            return all
        }
        let ids = batches.flatMap { $0 }
        #expect(ids.count == 8_000)
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(500) {
            #expect(UUID(uuidString: id) != nil)
            #expect(id == id.lowercased())
            let scalars = Array(id.unicodeScalars)
            #expect(scalars[14] == "4")
            #expect("89ab".unicodeScalars.contains(scalars[19]))
        }
    }
}
