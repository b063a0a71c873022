import ArchivistKit
import Chronology
import Foundation
import Testing

@Suite("Claim extraction")
struct ClaimExtractorTests {
    let extractor = ClaimExtractor(lexicon: .shipped)

    func claims(_ text: String, archival: Bool = false, date: DateValue? = nil, title: String = "A text") -> [Claim] {
        extractor.claims(in: ClaimSource(title: title, body: text, date: date, isArchival: archival))
    }

    @Test("a sentence naming an event gives its type, date, places with roles, participants and subject")
    func departure() throws {
        let found = claims(
            "On August 24, 1949 the leaders of the East Turkistan Republic boarded a plane to Moscow, according to East Turkistan's records.")
        let claim = try #require(found.first)
        #expect(found.count == 1)
        #expect(claim.type == "departure")
        #expect(claim.date?.value.edtf == "1949-08-24")
        #expect(claim.date?.role == "event")
        #expect(claim.places.map(\.name) == ["Moscow"])
        #expect(claim.places.first?.role == "destination")
        #expect(claim.participants.map(\.name) == ["East Turkistan Republic"])
        #expect(claim.subjects == ["aircraft"])
        #expect(claim.text.hasPrefix("On August 24, 1949"))
        #expect(claim.start == 0)
    }

    @Test("a report cue before the date makes it the reported date; 'on route to' is a destination, 'in' a location")
    func reportedCrash() throws {
        let claim = try #require(
            claims(
                "However it was reported by the Soviets that on September 2, 1949 that their plane had crashed in Irkutsk on route to Beijing and that all 14 people on board had been killed."
            ).first)
        #expect(claim.type == "crash")
        #expect(claim.date?.role == "reported")
        #expect(claim.places.map { "\($0.name):\($0.role)" } == ["Irkutsk:location", "Beijing:destination"])
        #expect(claim.counts.map(\.value) == [14])
        #expect(claim.counts.first?.counts == "people aboard")
        #expect(claim.participants.isEmpty, "the Soviets reported the crash; they are not its participants")
    }

    @Test("spellings and transliterations are one name; the longest name wins")
    func aliases() throws {
        let claim = try #require(claims("On 3 March 1947 Akhmetjan Kasimi met Chang Chih-chung in Tihwa.").first)
        #expect(Set(claim.participants.map(\.name)) == ["Ehmetjan Qasimi", "Zhang Zhizhong"])
        #expect(claim.places.map(\.name) == ["Urumqi"])
        let army = try #require(claims("On 19 December 1949 the East Turkistan National Army was incorporated into the PLA.").first)
        #expect(Set(army.participants.map(\.name)) == ["East Turkistan National Army", "People's Liberation Army"])
        #expect(army.places.isEmpty)
    }

    @Test("vague words widen a place: 'east of Lake Baikal'")
    func vaguePlace() throws {
        let claim = try #require(claims("In late August 1949 a Soviet Il-12 crashed in the mountains east of Lake Baikal.").first)
        #expect(claim.date?.value.edtf == "1949-08-21/1949-08-31")
        #expect(claim.places.first?.name == "Lake Baikal")
        #expect(claim.places.first?.widenKm == 200)
        #expect(claim.subjects == ["aircraft"])
    }

    @Test("a sentence without a date takes the previous claim's date, participants and places in its paragraph")
    func carryOver() throws {
        let found = claims(
            "In late August 1949 a Soviet Il-12 carrying the leaders of the Ili government crashed east of Lake Baikal. All 16 people on board were killed.\n\nAll 3 crew survived."
        )
        #expect(found.count == 3)
        #expect(found[1].date == found[0].date)
        #expect(found[1].inherited == ["date", "participants"])
        #expect(found[1].subjects == ["aircraft"])
        #expect(found[1].counts.first?.value == 16)
        // A new paragraph inherits nothing.
        #expect(found[2].date == nil)
        #expect(found[2].type == "statement")
    }

    @Test("numbers in words and digits, with qualifiers, and parts adding up to their total")
    func counts() throws {
        let percent = try #require(
            claims("Stalin said that the Chinese were less than 5% of the total population and should reach at least 30%.").first)
        #expect(percent.type == "statement")
        #expect(percent.counts.map(\.counts) == ["percent of population", "percent"])
        #expect(percent.counts[0].low == 0 && percent.counts[0].high == 5)
        #expect(percent.counts[1].low == 30 && percent.counts[1].high == nil)
        let parts = try #require(claims("On 27 August 1949 the plane crashed with nine passengers and 5 crew.").first)
        #expect(parts.counts.first { $0.counts == "people aboard" }?.value == 14)
        let words = try #require(claims("On 26 September 1949 Mao asked Stalin for forty transport aircraft and 500,000 troops.").first)
        #expect(words.counts.map(\.value) == [40, 500_000])
        #expect(words.counts.map(\.counts) == ["aircraft", "troops"])
    }

    @Test("plans and intentions are marked; 'another' marks a second occurrence; bounds are not dates")
    func modality() throws {
        let plan = try #require(claims("PLA troops in Gansu preparing for the invasion of East Turkistan - October 1, 1949").first)
        #expect(plan.modality == "planned")
        let again = try #require(
            claims(
                "On February 4, 1949 Mao met Mikoyan. Two days later, in another meeting with Mikoyan, Mao stated his intention to take Xinjiang by 1951."
            ).last)
        #expect(again.distinct)
        #expect(again.modality == nil)
        #expect(again.date?.value.edtf == "1949-02-06")
        let bound = claims("Mao said the army would have to wait until April 1950.")
        #expect(bound.isEmpty)
    }

    @Test("an archival record's title is a claim on its date; its undated sentences take the document date as 'document'")
    func archivalTitle() throws {
        let date = DateValue.day(CalendarDay(year: 1949, month: 2, day: 6)!, text: "February 6, 1949")
        let found = claims(
            "Mao said that the Politburo decided to send troops.", archival: true, date: date,
            title: "Memorandum of Conversation between Anastas Mikoyan and Mao Zedong")
        #expect(found.count == 2)
        #expect(found[0].field == "title")
        #expect(found[0].type == "meeting")
        #expect(found[0].date?.role == "event")
        #expect(Set(found[0].participants.map(\.name)) == ["Anastas Mikoyan", "Mao Zedong"])
        #expect(found[1].type == "decision")
        #expect(found[1].date?.role == "document")
        // A secondary text's title is not a claim, and its undated sentences have no date.
        #expect(claims("Mao said that the Politburo decided to send troops.", title: "Memorandum of Conversation between Mikoyan and Mao").isEmpty)
    }

    @Test("sentences: abbreviations and initials do not end one; data lines give no claims")
    func sentences() throws {
        let found = claims(
            "On 10 September 1947 Cde. Fedotov sent a telegram to V.M. Molotov. On 12 September 1947 Molotov answered the telegram.\n{\"date\": \"19 December 1949\", \"event\": \"incorporated\"}"
        )
        #expect(found.count == 2)
        #expect(found[0].text == "On 10 September 1947 Cde. Fedotov sent a telegram to V.M. Molotov.")
        #expect(Set(found[0].participants.map(\.name)) == ["Nikolai Fedotov", "Vyacheslav Molotov"])
    }

    @Test("empty and eventless texts give no claims")
    func nothing() {
        #expect(claims("").isEmpty)
        #expect(claims("The weather was fine. Nothing happened at all in 1949.").isEmpty)
    }
}

@Suite("Claim extraction: cue words inside dates")
struct ClaimCueInDateTests {
    @Test("the month May is not the modal 'may'")
    func mayIsAMonth() throws {
        let claim = try #require(
            ClaimExtractor(lexicon: .shipped).claims(
                in: ClaimSource(title: "t", body: "On 3 May 1950 Osman Batur met Ehmetjan Qasimi.", isArchival: false)
            ).first)
        #expect(claim.modality == nil)
        let plan = try #require(
            ClaimExtractor(lexicon: .shipped).claims(
                in: ClaimSource(title: "t", body: "On 3 May 1950 Osman Batur may meet Ehmetjan Qasimi.", isArchival: false)
            ).first)
        #expect(plan.modality == "planned")
    }
}

@Suite("Claim extraction: records")
struct RecordClaimTests {
    @Test("a record's sentence that names no one is about the people of its title, when it is the title's kind of event")
    func titleParticipants() throws {
        let date = DateValue.day(CalendarDay(year: 1949, month: 6, day: 27)!, text: "June 27, 1949")
        let found = ClaimExtractor(lexicon: .shipped).claims(
            in: ClaimSource(
                title: "Memorandum of Conversation between Stalin and CCP Delegation",
                body: "The conversation took place on 27 June 1949 from 23:00 to 24:00. On 28 June 1949 the army was incorporated into the militia.",
                date: date, isArchival: true))
        #expect(found.map(\.field) == ["title", "body", "body"])
        #expect(Set(found[1].participants.map(\.name)) == ["Joseph Stalin", "Chinese Communist Party"])
        #expect(found[1].inherited == ["participants"])
        #expect(found[2].participants.isEmpty, "another kind of event keeps its own (here no) participants")
    }
}

@Suite("Claim extraction: hostile text")
struct HostileTextClaimTests {
    @Test("a 600 KB run-on 'sentence' full of dates is not read; the same words as a sentence are")
    func runOn() {
        let phrase = "On 1 May 1949 Stalin met Mao and "
        let extractor = ClaimExtractor(lexicon: .shipped)
        // Read, this run-on text would cost time growing with the square of its length (2.5 minutes).
        let runOn = "Title\n\n" + String(repeating: phrase, count: 20_000)
        #expect(extractor.claims(in: ClaimSource(title: "Title", body: runOn, isArchival: false)).isEmpty)
        let words = ClaimExtractor.maximumSentenceWords / 8
        let short = "Title\n\n" + String(repeating: phrase, count: words) + "Molotov."
        #expect(extractor.claims(in: ClaimSource(title: "Title", body: short, isArchival: false)).count == 1)
    }
}

@Suite("Claim extraction: repetition")
struct RepeatedClaimTests {
    @Test("a sentence repeated 5,000 times is one claim, and verifying it stays quick")
    func repeated() {
        let text = "Title\n\n" + String(repeating: "On 1 May 1949 Stalin met Mao in Moscow.\n", count: 5_000)
        let claims = ClaimExtractor(lexicon: .shipped).claims(in: ClaimSource(title: "Title", body: text, isArchival: false))
        #expect(claims.count == 1)
        let other = ClaimExtractor(lexicon: .shipped).claims(in: ClaimSource(title: "T", body: "On 3 May 1949 Stalin met Mao.", isArchival: false))
        let report = Verifier(lexicon: .shipped).verify(
            (claims.map { CatalogClaim(document: "a", version: 1, source: "a", archival: false, claim: $0) })
                + other.map { CatalogClaim(document: "b", version: 1, source: "b", archival: false, claim: $0) })
        #expect(report.summary.conflicts == 1)
    }
}

@Suite("Claim extraction: counts read in their event")
struct CountInEventTests {
    @Test("'a plane carrying 14 people' counts people aboard; 14 people at a meeting are just people")
    func peopleAboard() throws {
        let extractor = ClaimExtractor(lexicon: .shipped)
        let crash = try #require(
            extractor.claims(
                in: ClaimSource(title: "t", body: "On 27 August 1949 a plane carrying 14 people crashed near Lake Baikal.", isArchival: false)
            ).first)
        #expect(crash.counts.map(\.counts) == ["people aboard"])
        let meeting = try #require(
            extractor.claims(in: ClaimSource(title: "t", body: "On 27 June 1949 Stalin met 14 people of the CCP delegation.", isArchival: false))
                .first)
        #expect(meeting.counts.map(\.counts) == ["people"])
    }
}
