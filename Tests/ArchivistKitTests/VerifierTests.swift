import Chronology
import Foundation
import Testing

@testable import ArchivistKit

/// Verifies small made-up collections: each document is (id, archival, text[, title, date]).
private func verify(_ documents: [(id: String, archival: Bool, text: String)], titles: [String: (String, DateValue)] = [:]) -> VerifyReport {
    let extractor = ClaimExtractor(lexicon: .shipped)
    var claims: [CatalogClaim] = []
    for document in documents {
        let title = titles[document.id]
        let source = ClaimSource(title: title?.0 ?? document.id, body: document.text, date: title?.1, isArchival: document.archival)
        for claim in extractor.claims(in: source) {
            claims.append(CatalogClaim(document: document.id, version: 1, source: document.id + ".txt", archival: document.archival, claim: claim))
        }
    }
    return Verifier(lexicon: .shipped).verify(claims)
}

private func day(_ y: Int, _ m: Int, _ d: Int) -> DateValue {
    .day(CalendarDay(year: y, month: m, day: d)!, text: "\(y)-\(m)-\(d)")
}

@Suite("Verifier rules")
struct VerifierTests {
    @Test("the same event on different days in two texts is a date conflict with both sentences")
    func dateConflict() throws {
        let report = verify([
            ("a", false, "On December 22, 1949, the East Turkistan National Army was incorporated into the PLA."),
            ("b", false, "On 19 December 1949 the East Turkistan National Army was incorporated into the People's Liberation Army."),
        ])
        let conflict = try #require(report.conflicts.first { $0.severity == "conflict" })
        #expect(conflict.kind == "date")
        #expect(conflict.code == "date-conflict")
        #expect(Set(conflict.claims.map(\.document)) == ["a", "b"])
        #expect(Set(conflict.claims.map(\.value)) == ["1949-12-22 (December 22, 1949)", "1949-12-19 (19 December 1949)"])
        #expect(conflict.reason.contains("shared participants"))
        #expect(report.claims.allSatisfy { $0.status == "contradicted" })
        #expect(!report.passed)
    }

    @Test("dates at different precision that overlap agree, and the claim is supported with evidence")
    func precisionAgrees() throws {
        let report = verify([
            ("a", false, "In December 1949 the East Turkistan National Army was incorporated into the PLA."),
            ("b", false, "On 19 December 1949 the East Turkistan National Army was incorporated into the People's Liberation Army."),
        ])
        #expect(report.conflicts.isEmpty)
        let a = try #require(report.claims.first { $0.document == "a" })
        #expect(a.status == "supported")
        #expect(a.evidence.map(\.document) == ["b"])
        #expect(a.evidence.first?.relation == "agrees")
    }

    @Test("a sent date and a received date that differ are a role mismatch, not a conflict")
    func roleMismatch() throws {
        let report = verify([
            ("a", false, "On 26 September 1949 Mao Zedong sent a telegram to Stalin."),
            ("b", false, "Stalin received the telegram from Mao Zedong on 27 September 1949."),
        ])
        #expect(report.summary.conflicts == 0)
        let mismatch = try #require(report.conflicts.first)
        #expect(mismatch.severity == "role-mismatch")
        #expect(Set(mismatch.claims.map(\.role)) == ["event", "received"])
        #expect(report.passed)
    }

    @Test("destinations of one journey that cannot both be right are a place conflict, even inside one text")
    func placeConflict() throws {
        let report = verify([
            (
                "a", false,
                "On August 24, 1949 the leaders of the East Turkistan Republic boarded a plane to Moscow. It was reported on September 2, 1949 that their plane had crashed on route to Beijing."
            )
        ])
        let conflict = try #require(report.conflicts.first { $0.severity == "conflict" })
        #expect(conflict.kind == "place")
        #expect(conflict.claims.map(\.role) == ["destination", "destination"])
        #expect(conflict.claims.map { $0.value.components(separatedBy: " ").first! } == ["Moscow", "Beijing"])
        #expect(conflict.claims[0].sourceKind == "secondary")
    }

    @Test("one area at different precision is compatible; different numbers aboard are a count conflict")
    func compatiblePlaceAndCount() throws {
        let report = verify([
            ("a", false, "It was reported on September 2, 1949 that the plane had crashed in Irkutsk and all 14 people on board had been killed."),
            ("b", false, "In late August 1949 a Soviet plane crashed in the mountains east of Lake Baikal. All 16 people on board were killed."),
        ])
        #expect(report.conflicts.contains { $0.kind == "place" && $0.severity == "compatible" })
        #expect(!report.conflicts.contains { $0.kind == "place" && $0.severity == "conflict" })
        let count = try #require(report.conflicts.first { $0.kind == "count" })
        #expect(count.severity == "conflict")
        #expect(Set(count.claims.map(\.document)) == ["a", "b"])
        #expect(count.claims.map(\.role) == ["people aboard", "people aboard"])
    }

    @Test("parts and totals are reconciled: 9 passengers and 5 crew agree with 14 aboard")
    func partsAndTotals() {
        let report = verify([
            ("a", false, "On 27 August 1949 the plane crashed near Lake Baikal with 9 passengers and 5 crew."),
            ("b", false, "On 27 August 1949 the plane crashed near Lake Baikal and all 14 people on board were killed."),
        ])
        #expect(report.summary.conflicts == 0)
        #expect(report.claims.allSatisfy { $0.status == "supported" })
    }

    @Test("two meetings of the same people two days apart, each recorded by its own archival record, are two events")
    func distinctEvents() {
        let report = verify(
            [
                ("memo1", true, ""), ("memo2", true, ""),
                ("article", false, "On February 4, 1949 Mao met Mikoyan. On February 6, 1949 Mao met Mikoyan to discuss Xinjiang."),
            ],
            titles: [
                "memo1": ("Memorandum of Conversation between Anastas Mikoyan and Mao Zedong", day(1949, 2, 4)),
                "memo2": ("Memorandum of Conversation between Anastas Mikoyan and Mao Zedong", day(1949, 2, 6)),
            ])
        #expect(report.summary.conflicts == 0)
        #expect(report.claims.filter { $0.document == "article" }.allSatisfy { $0.status == "supported" })
    }

    @Test("a secondary date against an archival record's date is a conflict")
    func archivalAgainstSecondary() throws {
        let report = verify(
            [("telegram", true, ""), ("article", false, "On September 27, 1949, Mao sent a telegram to Stalin asking for aircraft.")],
            titles: ["telegram": ("Telegram from Mao Zedong to Filippov [Stalin]", day(1949, 9, 26))])
        let conflict = try #require(report.conflicts.first { $0.severity == "conflict" })
        #expect(Set(conflict.claims.map(\.sourceKind)) == ["archival", "secondary"])
    }

    @Test("meetings of different people, entries into different cities and plans are never matched")
    func notMatched() {
        let report = verify([
            ("a", false, "On 27 June 1949 Stalin met Liu Shaoqi. On 20 October 1949 the PLA entered Urumqi."),
            (
                "b", false,
                "On 28 June 1949 Stalin met Mao Zedong. On 22 October 1949 the PLA entered Ghulja. The PLA was preparing for the invasion of Xinjiang on 1 October 1949."
            ),
            ("c", false, "On October 12, 1949 the PLA invaded Xinjiang."),
        ])
        #expect(report.conflicts.isEmpty)
        #expect(report.claims.allSatisfy { $0.status == "unverified" })
        #expect(report.claims.contains { $0.reason.contains("plan") })
    }

    @Test("a number no other document gives leaves the claim unverified even when the event is recorded")
    func countUnverified() throws {
        let report = verify(
            [("memo", true, ""), ("article", false, "On June 27, 1949 Stalin met a CCP delegation and said that 5% of the population was Chinese.")],
            titles: ["memo": ("Memorandum of Conversation between Stalin and CCP Delegation", day(1949, 6, 27))])
        let claim = try #require(report.claims.first { $0.document == "article" })
        #expect(claim.status == "unverified")
        #expect(claim.reason.contains("5%"))
        #expect(claim.evidence.map(\.document) == ["memo"])
    }

    @Test("focus: only one document's claims and the conflicts it is a side of")
    func focus() {
        let extractor = ClaimExtractor(lexicon: .shipped)
        let texts = [
            ("a", "On December 22, 1949 the East Turkistan National Army was incorporated into the PLA."),
            ("b", "On 19 December 1949 the East Turkistan National Army was incorporated into the PLA."),
            ("c", "On 1 October 1949 the People's Republic of China was proclaimed in Beijing."),
        ]
        let claims = texts.flatMap { id, text in
            extractor.claims(in: ClaimSource(title: id, body: text, isArchival: false)).map {
                CatalogClaim(document: id, version: 1, source: id, archival: false, claim: $0)
            }
        }
        let report = Verifier(lexicon: .shipped).verify(claims, focus: "c")
        #expect(report.claims.map(\.document) == ["c"])
        #expect(report.conflicts.isEmpty)
        #expect(Verifier(lexicon: .shipped).verify(claims, focus: "a").conflicts.count == 1)
    }

    @Test("two flights of one month in two texts are two events: a shared 'plane' does not join different travellers")
    func twoFlights() {
        let report = verify([
            ("a", false, "On 14 August 1949 a Soviet aircraft carrying Deng Liqun left Almaty for Ghulja."),
            (
                "b", false,
                "On August 24, 1949 the leaders of the East Turkistan Republic boarded a plane to Moscow. It was reported by the Soviets on September 2, 1949 that their plane had crashed on route to Beijing."
            ),
        ])
        let places = report.conflicts.filter { $0.kind == "place" && $0.severity == "conflict" }
        #expect(places.count == 1)
        #expect(places.allSatisfy { Set($0.claims.map(\.document)) == ["b"] })
        #expect(!report.conflicts.contains { $0.kind == "date" && $0.severity == "conflict" })
        // "reported by the Soviets" names who told of the crash, not who was in it.
        #expect(report.claims.first { $0.text.hasPrefix("It was reported") }?.claim.participants.isEmpty == true)
    }

    @Test("two signings of one month with one signatory in common are two signings; 'the agreement' joins an unnamed one")
    func signings() throws {
        let report = verify([
            ("a", false, "On 6 September 1925 Ivan Kovalev and Tao Zhiyue signed the agreement."),
            ("b", false, "On 23 September 1925 Peng Dehuai and Tao Zhiyue signed the agreement."),
            ("c", false, "6 September 1925: the agreement is signed."),
        ])
        #expect(report.summary.conflicts == 0)
        #expect(report.claims.first { $0.document == "a" }?.status == "supported")
        #expect(report.claims.first { $0.document == "a" }?.evidence.map(\.document) == ["c"])
    }
}

@Suite("Verifier: many tellings of one event")
struct ManyTellingsTests {
    @Test("3,000 texts telling the same event make as many links, not 3,000²; one dissenting date is one conflict; evidence is capped")
    func thousands() throws {
        let extractor = ClaimExtractor(lexicon: .shipped)
        let same = try #require(
            extractor.claims(
                in: ClaimSource(title: "t", body: "On 1 October 1949 Mao Zedong proclaimed the People's Republic of China.", isArchival: false)
            ).first)
        let other = try #require(
            extractor.claims(
                in: ClaimSource(title: "t", body: "On 2 October 1949 Mao Zedong proclaimed the People's Republic of China.", isArchival: false)
            ).first)
        var claims = (0..<3_000).map { CatalogClaim(document: "d\($0)", version: 1, source: "d\($0).txt", archival: false, claim: same) }
        claims.append(CatalogClaim(document: "odd", version: 1, source: "odd.txt", archival: false, claim: other))
        // Each telling joins the first of its kind (one link, or two for the first one's own document).
        let verifier = Verifier(lexicon: .shipped)
        #expect(verifier.candidateLinks(claims).links.count <= 2 * claims.count)
        let report = verifier.verify(claims)
        #expect(report.summary.conflicts == 1)
        #expect(report.conflicts.first?.claims.count == 3_001)
        #expect(report.claims.filter { $0.status == "contradicted" }.count == 3_001)
        #expect(report.claims.first { $0.document == "odd" }?.evidence.count == Verifier.maximumEvidence)
    }
}
