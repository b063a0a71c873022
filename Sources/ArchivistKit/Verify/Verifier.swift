import Chronology
import Dispatch

/// Cross-checks claims: groups the claims that describe one event, reports where their accounts
/// conflict, and gives every claim a status with its evidence.
///
/// **Matching rule.** Two claims describe the same event when
/// 1. their types are the same, or of one family (a departure, an arrival and a crash are one journey);
/// 2. they share an anchor: enough participants (the type's `shared=` in `events.tsv`, never more
///    than either names), or a subject ("the plane" and "an Il-12" are both an aircraft) when one of
///    them names no one, and then across documents only for claims of one type;
/// 3. their dates lie within the type's window (`window=` days) of each other;
/// 4. for types whose place is their identity (entering a city), their places are compatible.
///
/// Claims sharing fewer participants than the type asks for ("Stalin met X", "Stalin met Y") may
/// support each other but are never one event. Matched claims whose dates overlap, or whose dates
/// have different roles (sent and received: a `role-mismatch`), form one event. Matched claims of the
/// same role whose dates do not overlap are a date conflict, unless they are in one document, or
/// either says it is another occurrence ("another meeting"), or each is already matched to an
/// archival record of its own (two records, two events), or one names no one and already agrees
/// with another document. Between directly matched claims of one event, places of the same role
/// that cannot both be right are a place conflict (the same area at different precision is listed as
/// `compatible`), and different numbers of the same thing are a count conflict. Plans and intentions
/// ("preparing for the invasion") are never matched.
///
/// **Support.** A claim is `contradicted` when it is a side of a conflict, `supported` when a claim
/// of another document agrees with it (the same event and date, and every number it gives, in that
/// claim or elsewhere in its document), and `unverified` otherwise.
public struct Verifier: Sendable {
    /// The data files (event types and the gazetteer).
    public let lexicon: VerifyLexicon

    /// Creates a verifier.
    public init(lexicon: VerifyLexicon) {
        self.lexicon = lexicon
    }

    enum Relation: Equatable {
        /// One event, dates agreeing.
        case agree
        /// Dates agree, but the claims share fewer participants than the type asks for ("Stalin met X"
        /// and "Stalin met Y" with X and Y unknown): support, never a conflict, never one event.
        case supports
        /// Types of one family within the window (a departure and a crash).
        case related
        /// One event, dates of different roles that differ.
        case roleMismatch
        /// One event, dates of the same role that cannot both be true.
        case disagree
    }

    /// A conflict and the claims on each of its sides.
    struct Finding {
        var conflict: VerifyConflict
        var left: [Int]
        var right: [Int]
    }

    /// The most evidence sentences listed for one claim.
    public static let maximumEvidence = 50

    struct Link {
        var a: Int, b: Int
        var relation: Relation
        /// Why the two were matched; written only when asked (``candidateLinks(_:)``'s `explain`),
        /// since a catalog telling one event many times makes millions of links and few conflicts.
        var reason = ""
        /// Matched by a shared subject alone, one claim naming no one ("the agreement is signed").
        var subjectOnly = false
    }

    /// Verifies `claims`; with `focus`, reports only that document's claims and the conflicts it is a side of.
    public func verify(_ claims: [CatalogClaim], focus: String? = nil) -> VerifyReport {
        let (links, firstOfKind, explain) = candidateLinks(claims)
        var groups = UnionFind(claims.count)
        var agreeing: [[Int]] = Array(repeating: [], count: claims.count)
        var partners: [[Int]] = Array(repeating: [], count: claims.count)
        for link in links {
            partners[link.a].append(link.b)
            partners[link.b].append(link.a)
        }
        for link in links where link.relation == .supports {
            if claims[link.a].document != claims[link.b].document {
                agreeing[link.a].append(link.b)
                agreeing[link.b].append(link.a)
            }
        }
        for link in links where link.relation != .disagree && link.relation != .supports {
            groups.union(link.a, link.b)
            if link.relation == .agree && claims[link.a].document != claims[link.b].document {
                agreeing[link.a].append(link.b)
                agreeing[link.b].append(link.a)
            }
        }
        // Which phase-one events hold an archival record (two such events are two events), and how
        // many documents tell each.
        var archivalRoots: Set<Int> = []
        var phaseOne: [Int: [Int]] = [:]
        var tellers: [Int: Set<String>] = [:]
        for index in claims.indices {
            let root = groups.find(index)
            if claims[index].archival { archivalRoots.insert(root) }
            phaseOne[root, default: []].append(index)
            tellers[root, default: []].insert(claims[index].document)
        }

        var findings: [Finding] = []
        var final = groups
        var dateConflictPairs: Set<[Int]> = []
        for link in links where link.relation == .disagree {
            let (a, b) = (claims[link.a], claims[link.b])
            if a.document == b.document || a.claim.distinct || b.claim.distinct { continue }
            let (ra, rb) = (groups.find(link.a), groups.find(link.b))
            if archivalRoots.contains(ra) && archivalRoots.contains(rb) { continue }
            // A claim that names no one and already agrees with another document's account is about
            // that event; its date differing from a third account's is no evidence against either.
            if link.subjectOnly && (tellers[ra]!.count > 1 || tellers[rb]!.count > 1) { continue }
            final.union(link.a, link.b)
            guard dateConflictPairs.insert([min(ra, rb), max(ra, rb)]).inserted else { continue }
            let role = a.claim.date?.role
            let left = phaseOne[ra]!.filter { claims[$0].claim.date?.role == role }
            let right = phaseOne[rb]!.filter { claims[$0].claim.date?.role == role }
            findings.append(
                Finding(
                    conflict: VerifyConflict(
                        code: "date-conflict", kind: "date", severity: "conflict", eventID: 0, event: eventLabel(left + right, claims),
                        reason: explain(link.a, link.b),
                        claims: (left + right).map { side($0, claims, value: dateText($0, claims), role: claims[$0].claim.date!.role) }),
                    left: left, right: right))
        }
        for link in links where link.relation == .roleMismatch {
            let sides = [link.a, link.b]
            findings.append(
                Finding(
                    conflict: VerifyConflict(
                        code: "date-role-mismatch", kind: "date", severity: "role-mismatch", eventID: 0, event: eventLabel(sides, claims),
                        reason: explain(link.a, link.b),
                        claims: sides.map { side($0, claims, value: dateText($0, claims), role: claims[$0].claim.date!.role) }),
                    left: [link.a], right: [link.b]))
        }

        var members: [Int: [Int]] = [:]
        for index in claims.indices where eligible(claims[index].claim) { members[final.find(index), default: []].append(index) }
        for (_, event) in members.sorted(by: { $0.key < $1.key }) where event.count > 1 {
            // Places and counts are set against each other only between claims matched directly
            // (never through a chain of matches), and the match says why.
            let reason = { (left: [Int], right: [Int]) -> String? in
                let others = Set(right)
                for l in left {
                    for r in partners[l] where others.contains(r) { return explain(min(l, r), max(l, r)) }
                }
                return nil
            }
            findings += placeConflicts(event, claims, reason: reason)
            findings += countConflicts(event, claims, reason: reason)
        }

        // Each claim of a conflict is contradicted by the claims on the other side.
        var opposing: [Int: [Int]] = [:]
        for finding in findings where finding.conflict.severity == "conflict" {
            for index in finding.left { opposing[index, default: []] += finding.right }
            for index in finding.right { opposing[index, default: []] += finding.left }
        }
        var conflicts = findings.map(\.conflict)

        var countsByDocument: [String: [ClaimCount]] = [:]
        for item in claims where !item.claim.counts.isEmpty { countsByDocument[item.document, default: []] += item.claim.counts }
        // Each claim's status depends on nothing but the links: worked out on every core.
        let reported = claims.indices.filter { focus == nil || claims[$0].document == focus }
        let statuses = ConcurrentSlots<VerifiedClaim?>(count: reported.count, empty: nil)
        let (agreed, opposed, counts) = (agreeing, opposing, countsByDocument)
        concurrentLoop(iterations: reported.count) { position in
            let index = reported[position]
            // A claim matched only through the first claim of its kind (the same statement) also
            // agrees with what that one agrees with.
            let inherited = firstOfKind[index].map { [$0] + agreed[$0] } ?? []
            statuses.set(
                position,
                status(
                    index, claims, agreeing: agreed[index] + inherited.filter { claims[$0].document != claims[index].document },
                    contradictedBy: opposed[index] ?? [], countsByDocument: counts))
        }
        let verified = statuses.values.map { $0! }
        // Number the events, in the order of their first claim, and name each after all its claims.
        var eventNumbers: [Int: Int] = [:]
        var eventNames: [Int: String] = [:]
        for index in conflicts.indices {
            guard let first = findings[index].left.first else { continue }
            let root = final.find(first)
            if eventNames[root] == nil { eventNames[root] = eventLabel(members[root] ?? [first], claims) }
            let suffix = conflicts[index].event.range(of: " — ").map { String(conflicts[index].event[$0.lowerBound...]) } ?? ""
            conflicts[index].event = eventNames[root]! + suffix
            conflicts[index].eventID = root
        }
        for (number, root) in Set(conflicts.map(\.eventID)).sorted().enumerated() { eventNumbers[root] = number + 1 }
        for index in conflicts.indices { conflicts[index].eventID = eventNumbers[conflicts[index].eventID] ?? 0 }
        if let focus { conflicts = conflicts.filter { $0.claims.contains { $0.document == focus } } }
        let severityOrder = ["conflict": 0, "role-mismatch": 1, "compatible": 2]
        conflicts.sort {
            ($0.eventID, severityOrder[$0.severity] ?? 3, $0.kind, $0.event) < ($1.eventID, severityOrder[$1.severity] ?? 3, $1.kind, $1.event)
        }
        let summary = VerifyReport.Summary(
            claims: verified.count, supported: verified.filter { $0.status == "supported" }.count,
            contradicted: verified.filter { $0.status == "contradicted" }.count, unverified: verified.filter { $0.status == "unverified" }.count,
            conflicts: conflicts.filter { $0.severity == "conflict" }.count,
            roleMismatches: conflicts.filter { $0.severity == "role-mismatch" }.count,
            compatible: conflicts.filter { $0.severity == "compatible" }.count, documents: Set(claims.map(\.document)).count)
        return VerifyReport(conflicts: conflicts, claims: verified, events: members.values.filter { $0.count > 1 }.count, summary: summary)
    }

    // MARK: Matching

    private func eligible(_ claim: Claim) -> Bool {
        claim.modality == nil && claim.date != nil && lexicon.eventTypes[claim.type] != nil
    }

    private func familyKey(_ type: String) -> String { lexicon.eventTypes[type]?.family ?? type }

    private static func bounds(_ date: ClaimDate) -> (Int, Int) {
        let value = date.value
        return ((value.earliest ?? value.period.lowerBound).daysSinceEpoch, (value.latest ?? value.period.upperBound).daysSinceEpoch)
    }

    /// What matching needs of a claim, computed once. Anchors are numbered (participants and
    /// subjects apart) so that comparing two claims compares small sorted integer arrays.
    private struct Facts {
        var type: VerifyLexicon.EventType
        var low: Int, high: Int
        var role: String
        /// Participant numbers, sorted.
        var participants: [Int]
        /// Subject numbers, sorted.
        var subjects: [Int]
        /// Anchor keys: participants as they are, subjects offset past every participant; sorted.
        var keys: [Int]
    }

    /// What makes claims the same statement for matching: every fact compared.
    private static func statementKey(_ claim: Claim, _ facts: Facts) -> String {
        var parts = [claim.type, String(facts.low), String(facts.high), facts.role, claim.modality ?? "", claim.distinct ? "another" : ""]
        parts.append(facts.participants.map(String.init).joined(separator: ","))
        parts.append(facts.subjects.map(String.init).joined(separator: ","))
        parts.append(claim.places.map { "\($0.name)/\($0.role)/\($0.widenKm)" }.joined(separator: ","))
        parts.append(claim.counts.map { "\($0.counts)/\($0.low)/\($0.high ?? -1)" }.joined(separator: ","))
        return parts.joined(separator: "\u{1}")
    }

    /// The elements two sorted arrays share.
    private static func common(_ a: [Int], _ b: [Int]) -> [Int] {
        var (i, j) = (0, 0)
        var result: [Int] = []
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                result.append(a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    /// The first element two sorted arrays share.
    private static func firstCommon(_ a: [Int], _ b: [Int]) -> Int? {
        var (i, j) = (0, 0)
        while i < a.count && j < b.count {
            if a[i] == b[j] { return a[i] }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return nil
    }

    /// Every pair of claims that may describe one event, with how their dates relate.
    ///
    /// Claims are bucketed by family and anchor (a participant or a subject) and sorted by date, so
    /// each claim is only compared with the claims of its buckets within the family's window; a pair
    /// sharing several anchors is judged once, in the bucket of its first shared anchor.
    /// `explain(a, b)` (a < b, a linked pair) says why the two were matched.
    func candidateLinks(_ claims: [CatalogClaim]) -> (links: [Link], firstOfKind: [Int: Int], explain: (Int, Int) -> String) {
        var names: [String: Int] = [:]
        var subjectNames: [String: Int] = [:]
        var nameList: [String] = []
        var subjectList: [String] = []
        for item in claims where eligible(item.claim) {
            for participant in item.claim.participants where names[participant.name] == nil {
                names[participant.name] = nameList.count
                nameList.append(participant.name)
            }
            for subject in item.claim.subjects where subjectNames[subject] == nil {
                subjectNames[subject] = subjectList.count
                subjectList.append(subject)
            }
        }
        let offset = nameList.count
        var facts: [Facts?] = Array(repeating: nil, count: claims.count)
        var buckets: [[Int]: [Int]] = [:]
        var familyNumbers: [String: Int] = [:]
        var windows: [Int: Int] = [:]
        for type in lexicon.eventTypes.values {
            let family = familyKey(type.name)
            if familyNumbers[family] == nil { familyNumbers[family] = familyNumbers.count }
            windows[familyNumbers[family]!] = max(windows[familyNumbers[family]!] ?? 0, type.windowDays)
        }
        for (index, item) in claims.enumerated() where eligible(item.claim) {
            let type = lexicon.eventTypes[item.claim.type]!
            let (low, high) = Self.bounds(item.claim.date!)
            let participants = Set(item.claim.participants.map { names[$0.name]! }).sorted()
            let subjects = Set(item.claim.subjects.map { subjectNames[$0]! }).sorted()
            let keys = participants + subjects.map { $0 + offset }
            facts[index] = Facts(
                type: type, low: low, high: high, role: item.claim.date!.role, participants: participants, subjects: subjects, keys: keys)
        }
        // Claims that say exactly the same (the founding of the PRC told by a thousand articles) are
        // compared once: each joins the first of its kind, and only that first one is bucketed. Without
        // this, k identical claims cost k² comparisons and as many links.
        var links: [Link] = []
        var firstOfKind: [Int: Int] = [:]
        var kinds: [String: [Int]] = [:]
        var kindOrder: [String] = []
        for (index, item) in claims.enumerated() where facts[index] != nil {
            let key = Self.statementKey(item.claim, facts[index]!)
            if kinds[key] == nil { kindOrder.append(key) }
            kinds[key, default: []].append(index)
        }
        let linkPair = { (x: Int, y: Int) -> Link? in
            self.link(min(x, y), max(x, y), claims, facts[min(x, y)]!, facts[max(x, y)]!, nameList: nameList, subjectList: subjectList)
        }
        for key in kindOrder {
            let members = kinds[key]!
            let first = members[0]
            let family = familyNumbers[familyKey(facts[first]!.type.name)]!
            for anchor in facts[first]!.keys { buckets[[family, anchor], default: []].append(first) }
            // The first claim of another document, for the evidence of claims in the first one's document.
            let other = members.first { claims[$0].document != claims[first].document }
            for member in members.dropFirst() {
                firstOfKind[member] = first
                if let link = linkPair(first, member) { links.append(link) }
                if let other, member != other, claims[member].document == claims[first].document, let link = linkPair(other, member) {
                    links.append(link)
                }
            }
        }
        // Buckets are independent (a pair is judged in one bucket only): compared on every core.
        let keys = buckets.keys.sorted(by: { ($0[0], $0[1]) < ($1[0], $1[1]) })
        let found = ConcurrentSlots<[Link]>(count: keys.count, empty: [])
        let (allFacts, allBuckets, allNames, allSubjects, allWindows) = (facts, buckets, nameList, subjectList, windows)
        concurrentLoop(iterations: keys.count) { index in
            let bucket = keys[index]
            let key = bucket[1]
            let window = allWindows[bucket[0]] ?? 0
            let sorted = allBuckets[bucket]!.sorted { allFacts[$0]!.low < allFacts[$1]!.low }
            var bucketLinks: [Link] = []
            for (position, a) in sorted.enumerated() {
                let fa = allFacts[a]!
                for b in sorted[(position + 1)...] {
                    let fb = allFacts[b]!
                    if fb.low - fa.high > window { break }
                    // Judge the pair once: in the bucket of the first anchor the two share.
                    guard Self.firstCommon(fa.keys, fb.keys) == key else { continue }
                    let (x, y) = (min(a, b), max(a, b))
                    if let link = link(x, y, claims, allFacts[x]!, allFacts[y]!, nameList: allNames, subjectList: allSubjects) {
                        bucketLinks.append(link)
                    }
                }
            }
            found.set(index, bucketLinks)
        }
        for bucketLinks in found.values { links += bucketLinks }
        let explain = { (a: Int, b: Int) -> String in
            self.link(a, b, claims, facts[a]!, facts[b]!, nameList: nameList, subjectList: subjectList, explained: true)?.reason ?? ""
        }
        return (links.sorted { ($0.a, $0.b) < ($1.a, $1.b) }, firstOfKind, explain)
    }

    private func link(
        _ a: Int, _ b: Int, _ claims: [CatalogClaim], _ fx: Facts, _ fy: Facts, nameList: [String], subjectList: [String],
        explained: Bool = false
    ) -> Link? {
        let (typeX, typeY) = (fx.type, fy.type)
        let sameType = typeX.name == typeY.name
        guard sameType || (typeX.family != nil && typeX.family == typeY.family) else { return nil }
        let gap = max(0, fy.low - fx.high, fx.low - fy.high)
        let window = max(typeX.windowDays, typeY.windowDays)
        guard gap <= window else { return nil }
        if claims[a].document == claims[b].document && claims[a].version == claims[b].version && claims[a].claim.start == claims[b].claim.start
            && claims[a].claim.field == claims[b].claim.field
        {
            return nil
        }
        // Anchors: shared participants, or a shared subject. A strong anchor (as many shared
        // participants as the type asks for, or a shared subject) may make a conflict; a weak one
        // (fewer, because a claim names fewer) only supports.
        let shared = Self.common(fx.participants, fy.participants)
        let subjects = Self.common(fx.subjects, fy.subjects)
        let asked = max(typeX.sharedParticipants, typeY.sharedParticipants)
        let need = max(1, min(asked, fx.participants.count, fy.participants.count))
        // A shared subject ("the plane", "the agreement") stands in for participants only when one of
        // the two claims names none ("their plane had crashed"): when both name people, the people
        // decide, and two signings of one month with one signatory in common are two signings. Across
        // documents it joins only claims of one type, since "their plane" in one text may be any
        // flight of the month in another.
        let sameDocument = claims[a].document == claims[b].document
        let subjectAnchors = !subjects.isEmpty && (fx.participants.isEmpty || fy.participants.isEmpty) && (sameType || sameDocument)
        let strong = shared.count >= asked || subjectAnchors
        guard subjectAnchors || shared.count >= need else { return nil }
        let relation: Relation
        if !sameType {
            guard strong else { return nil }
            relation = .related
        } else if fx.role == "document" || fy.role == "document" || gap == 0 {
            guard gap == 0 else { return nil }
            relation = strong ? .agree : .supports
        } else {
            guard strong else { return nil }
            relation = fx.role == fy.role ? .disagree : .roleMismatch
        }
        var sameDestination = false
        if typeX.placeIsIdentity {
            let px = claims[a].claim.places.filter { $0.role == "destination" }
            let py = claims[b].claim.places.filter { $0.role == "destination" }
            if !px.isEmpty && !py.isEmpty {
                guard px.contains(where: { p in py.contains { lexicon.compatible(p.name, widenedBy: p.widenKm, $0.name, widenedBy: $0.widenKm) } })
                else {
                    return nil
                }
                sameDestination = true
            }
        }
        guard explained else { return Link(a: a, b: b, relation: relation, subjectOnly: relation == .disagree && shared.isEmpty) }
        // The explanation, written only when asked for.
        let names = shared.map { nameList[$0] }.sorted()
        var anchor: String
        if subjectAnchors {
            anchor = "shared subject \(subjects.map { subjectList[$0] }.sorted().joined(separator: ", "))"
            if !names.isEmpty { anchor += " and \(names.count == 1 ? "participant" : "participants") \(names.joined(separator: ", "))" }
        } else {
            anchor = "shared \(names.count == 1 ? "participant" : "participants") \(names.joined(separator: ", "))"
        }
        if sameDestination { anchor += ", same place" }
        let what = sameType ? "same type \(typeX.name)" : "one \(typeX.family!) (\(typeX.name) and \(typeY.name))"
        let because = "matched because: \(what); \(anchor)"
        let distance = "dates \(gap) day\(gap == 1 ? "" : "s") apart, within the \(window)-day window"
        switch relation {
        case .related: return Link(a: a, b: b, relation: relation, reason: because + "; dates within \(window) days")
        case .agree, .supports: return Link(a: a, b: b, relation: relation, reason: because + "; the dates agree")
        case .disagree: return Link(a: a, b: b, relation: relation, reason: because + "; " + distance, subjectOnly: shared.isEmpty)
        case .roleMismatch:
            return Link(
                a: a, b: b, relation: relation,
                reason: because + "; \(distance), but one is the \(fx.role) date and the other the \(fy.role) date")
        }
    }

    // MARK: Places and counts

    private func placeConflicts(_ event: [Int], _ claims: [CatalogClaim], reason: ([Int], [Int]) -> String?) -> [Finding] {
        var result: [Finding] = []
        // Destinations and origins are compared across the family (a journey); locations within a type.
        var partitions: [String: [(Int, ClaimPlace)]] = [:]
        for index in event {
            let claim = claims[index].claim
            let type = lexicon.eventTypes[claim.type]!
            for place in claim.places {
                if place.role == "destination" && type.placeIsIdentity { continue }
                let key = place.role == "location" ? "location\t" + claim.type : place.role
                partitions[key, default: []].append((index, place))
            }
        }
        for key in partitions.keys.sorted() {
            let entries = partitions[key]!
            var names: [String] = []
            for (_, place) in entries where !names.contains(place.name) { names.append(place.name) }
            guard names.count > 1 else { continue }
            for i in 0..<names.count {
                for j in (i + 1)..<names.count {
                    let left = entries.filter { $0.1.name == names[i] }
                    let right = entries.filter { $0.1.name == names[j] }
                    let compatible = left.contains { l in
                        right.contains { lexicon.compatible(l.1.name, widenedBy: l.1.widenKm, $0.1.name, widenedBy: $0.1.widenKm) }
                    }
                    let documents = Set((left + right).map { claims[$0.0].document })
                    if compatible && documents.count < 2 { continue }
                    if !compatible && Set(left.map(\.0)) == Set(right.map(\.0)) { continue }
                    guard let why = reason(left.map(\.0), right.map(\.0)) else { continue }
                    let role = key.split(separator: "\t").first.map(String.init) ?? key
                    let sides = (left + right).map { side($0.0, claims, value: placeText($0.1), role: role) }
                    result.append(
                        Finding(
                            conflict: VerifyConflict(
                                code: compatible ? "place-compatible" : "place-conflict", kind: "place",
                                severity: compatible ? "compatible" : "conflict", eventID: 0, event: eventLabel(event, claims) + " — \(role)",
                                reason: why
                                    + (compatible ? "; the places overlap (one area at different precision)" : "; the places cannot both be right"),
                                claims: sides),
                            left: left.map(\.0), right: right.map(\.0)))
                }
            }
        }
        return result
    }

    private func countConflicts(_ event: [Int], _ claims: [CatalogClaim], reason: ([Int], [Int]) -> String?) -> [Finding] {
        var result: [Finding] = []
        var byCategory: [String: [(Int, ClaimCount)]] = [:]
        for index in event {
            for count in claims[index].claim.counts { byCategory[count.counts, default: []].append((index, count)) }
        }
        for category in byCategory.keys.sorted() {
            let entries = byCategory[category]!
            var values: [ClaimCount] = []
            for (_, count) in entries where !values.contains(where: { $0.low == count.low && $0.high == count.high }) { values.append(count) }
            guard values.count > 1 else { continue }
            for i in 0..<values.count {
                for j in (i + 1)..<values.count where values[i].excludes(values[j]) {
                    let left = entries.filter { $0.1.low == values[i].low && $0.1.high == values[i].high }
                    let right = entries.filter { $0.1.low == values[j].low && $0.1.high == values[j].high }
                    let sides = left + right
                    guard let why = reason(left.map(\.0), right.map(\.0)) else { continue }
                    result.append(
                        Finding(
                            conflict: VerifyConflict(
                                code: "count-conflict", kind: "count", severity: "conflict", eventID: 0,
                                event: eventLabel(event, claims) + " — \(category)",
                                reason: why + "; different numbers of \(category)",
                                claims: sides.map {
                                    side($0.0, claims, value: "\(Self.format($0.1.value)) \(category) (\($0.1.text))", role: category)
                                }),
                            left: left.map(\.0), right: right.map(\.0)))
                }
            }
        }
        return result
    }

    // MARK: Status

    private func status(
        _ index: Int, _ claims: [CatalogClaim], agreeing: [Int], contradictedBy: [Int], countsByDocument: [String: [ClaimCount]]?
    ) -> VerifiedClaim {
        let item = claims[index]
        // At most `maximumEvidence` sentences, one per document and sentence, in catalog order.
        func evidence(_ others: [Int], _ relation: String) -> [VerifiedClaim.Evidence] {
            struct Sentence: Hashable {
                let document: String
                let text: String
            }
            var seen: Set<Sentence> = []
            var result: [VerifiedClaim.Evidence] = []
            for other in others {
                if result.count == Self.maximumEvidence { break }
                // Read in place: copying a whole claim for each candidate was a tenth of a dense catalog's verification.
                guard claims[other].document != item.document || relation == "contradicts",
                    seen.insert(Sentence(document: claims[other].document, text: claims[other].claim.text)).inserted
                else {
                    continue
                }
                result.append(
                    VerifiedClaim.Evidence(
                        document: claims[other].document, source: claims[other].source, text: claims[other].claim.text, relation: relation))
            }
            return result
        }
        var result = VerifiedClaim(
            document: item.document, version: item.version, source: item.source, text: item.claim.text, status: "unverified", reason: "",
            evidence: [], claim: item.claim)
        if !contradictedBy.isEmpty {
            result.status = "contradicted"
            result.reason = "another account of the same event differs (see conflicts)"
            result.evidence = evidence(contradictedBy, "contradicts")
            return result
        }
        if item.claim.modality != nil {
            result.reason = "a plan or intention, not a report that the event happened"
            return result
        }
        guard eligible(item.claim) else {
            result.reason = item.claim.date == nil ? "no date to match it by" : "no event to match it by"
            return result
        }
        guard !agreeing.isEmpty else {
            result.reason = "no other document speaks to this event"
            return result
        }
        let totals = Set(item.claim.counts.map(\.counts))
        // A number is borne out when a document recording the event gives it, in that sentence or another.
        let witnesses = item.claim.counts.isEmpty ? [] : Set(agreeing.map { claims[$0].document })
        let given = countsByDocument.map { byDocument in witnesses.flatMap { byDocument[$0] ?? [] } } ?? agreeing.flatMap { claims[$0].claim.counts }
        let unmatched = item.claim.counts.filter { count in
            // Parts that add up to a total the claim gives are checked through the total.
            if let total = lexicon.countParts[count.counts], totals.contains(total) { return false }
            return !given.contains { $0.counts == count.counts && !$0.excludes(count) }
        }
        if !unmatched.isEmpty {
            result.reason = "the event is recorded elsewhere, but no other document gives \(unmatched.map(\.text).joined(separator: ", "))"
            result.evidence = evidence(agreeing, "agrees")
            return result
        }
        result.status = "supported"
        result.reason = "another document records the same event on an agreeing date"
        result.evidence = evidence(agreeing, "agrees")
        return result
    }

    // MARK: Rendering values

    private func side(_ index: Int, _ claims: [CatalogClaim], value: String, role: String) -> VerifyConflict.Side {
        let item = claims[index]
        return VerifyConflict.Side(
            document: item.document, version: item.version, source: item.source, text: item.claim.text, value: value, role: role,
            sourceKind: item.archival ? "archival" : "secondary", citation: nil)
    }

    private func dateText(_ index: Int, _ claims: [CatalogClaim]) -> String {
        guard let date = claims[index].claim.date else { return "" }
        return "\(date.value.edtf) (\(date.value.text))"
    }

    private func placeText(_ place: ClaimPlace) -> String {
        let chain = lexicon.hierarchy(place.name)
        let within = chain.count > 1 ? " (in \(chain.dropFirst().joined(separator: ", ")))" : ""
        return place.name + within + (place.text == place.name ? "" : " as \"\(place.text)\"")
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private func eventLabel(_ indices: [Int], _ claims: [CatalogClaim]) -> String {
        let types = indices.map { claims[$0].claim.type }
        var typeNames: [String] = []
        for type in types where !typeNames.contains(type) { typeNames.append(type) }
        var names: [String] = []
        for index in indices {
            for participant in claims[index].claim.participants where !names.contains(participant.name) { names.append(participant.name) }
        }
        var subjects: [String] = []
        for index in indices { for subject in claims[index].claim.subjects where !subjects.contains(subject) { subjects.append(subject) } }
        let bounds = indices.compactMap { claims[$0].claim.date.map(Self.bounds) }
        var when = ""
        if let low = bounds.map(\.0).min(), let high = bounds.map(\.1).max() {
            let (a, b) = (CalendarDay(daysSinceEpoch: low).description, CalendarDay(daysSinceEpoch: high).description)
            when = a == b ? a : "\(a)/\(b)"
        }
        var label = typeNames.joined(separator: "/")
        let who = (names.prefix(3) + subjects.prefix(1)).joined(separator: ", ")
        if !who.isEmpty { label += " (\(who))" }
        if !when.isEmpty { label += " \(when)" }
        return label
    }
}

/// Disjoint sets of claim indices.
struct UnionFind {
    private var parent: [Int]

    init(_ count: Int) { parent = Array(0..<count) }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
