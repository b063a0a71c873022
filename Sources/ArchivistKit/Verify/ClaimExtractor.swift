import Chronology

/// What the claim extractor reads of one document version.
public struct ClaimSource: Sendable {
    /// The title.
    public var title: String
    /// The archive's summary, if any.
    public var summary: String?
    /// The text.
    public var body: String
    /// The document's own date, if it has one.
    public var date: DateValue?
    /// Whether the document is an archival record (its title and date describe the event it records),
    /// not a secondary text.
    public var isArchival: Bool

    /// Creates the input of an extraction.
    public init(title: String, summary: String? = nil, body: String, date: DateValue? = nil, isArchival: Bool) {
        self.title = title
        self.summary = summary
        self.body = body
        self.date = date
        self.isArchival = isArchival
    }
}

/// Extracts claims from a document: one per sentence that names an event (or gives a count), with
/// the sentence's date (by the Chronology tagger), places (gazetteer names and the words before
/// them), counts and participants (aliases), all read through the data files of ``VerifyLexicon``.
///
/// A sentence without a date takes the one of the claim before it in the same paragraph when that
/// claim is of the same family ("... crashed in late August 1949. All 16 people on board were
/// killed."), and its participants too when it names none; in an archival record it otherwise takes
/// the document's date, in the role `document`. An archival record's title that names an event
/// ("Memorandum of Conversation between ...", "Telegram from ... to ...") is a claim dated by the
/// document's date.
public struct ClaimExtractor: Sendable {
    /// The data files.
    public let lexicon: VerifyLexicon

    /// Creates an extractor reading with `lexicon`.
    public init(lexicon: VerifyLexicon) {
        self.lexicon = lexicon
    }

    /// The claims of one document, title first, then summary, then body, in text order.
    public func claims(in source: ClaimSource) -> [Claim] {
        var claims: [Claim] = []
        if source.isArchival, let date = source.date, var title = claim(titleOf: source.title) {
            title.date = ClaimDate(value: date, role: "event")
            title.inherited.append("document date")
            claims.append(title)
        }
        if let summary = source.summary, !summary.isEmpty {
            claims += self.claims(inField: "summary", text: summary, source: source)
        }
        claims += self.claims(inField: "body", text: source.body, source: source)
        // In a record, a sentence that names no one ("The conversation took place on 27 June") is
        // about the people of the record's title when it is the title's kind of event.
        if let title = claims.first, title.field == "title", !title.participants.isEmpty {
            for index in claims.indices.dropFirst()
            where claims[index].participants.isEmpty && claims[index].subjects.isEmpty && sameFamily(title.type, claims[index].type)
                && claims[index].type != "statement"
            {
                claims[index].participants = title.participants
                claims[index].inherited.append("participants")
            }
        }
        // An undated sentence of a record that names no one and counts nothing can match nothing.
        return claims.filter { !($0.date?.role == "document" && $0.participants.isEmpty && $0.subjects.isEmpty && $0.counts.isEmpty) }
    }

    private func claim(titleOf title: String) -> Claim? {
        let tokens = TextTokenizer.tokens(title)
        guard let (type, trigger) = eventType(tokens) else { return nil }
        let scalars = Array(title.unicodeScalars)
        let verbatim = { (range: Range<Int>) in
            String(unicodeScalars: scalars[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end])
        }
        let named = names(tokens, type: type, verbatim: verbatim)
        return Claim(
            type: type, modality: nil, distinct: false, date: nil, places: named.places, counts: [],
            participants: named.participants, subjects: subjects(tokens), trigger: trigger, text: title,
            field: "title", start: 0, end: scalars.count, inherited: [])
    }

    private func claims(inField field: String, text: String, source: ClaimSource) -> [Claim] {
        var options = DateTagger.Options()
        if let date = source.date, date.precision == .day { options.documentDate = date.earliest }
        let tokens = TextTokenizer.tokens(text)
        let scalars = Array(text.unicodeScalars)
        let sentences = SentenceSplitter.sentences(text)
        let expressions = DateTagger(options: options).tag(datedText(scalars, tokens: tokens, sentences: sentences))
            .filter { ($0.type == .date || $0.type == .time) && $0.date != nil }
        var claims: [Claim] = []
        var said: Set<String> = []
        var previous: (claim: Claim, paragraph: Int)?
        var tokenIndex = 0
        var expressionIndex = 0
        for sentence in sentences {
            while tokenIndex < tokens.count, tokens[tokenIndex].start < sentence.start { tokenIndex += 1 }
            var endIndex = tokenIndex
            while endIndex < tokens.count, tokens[endIndex].end <= sentence.end { endIndex += 1 }
            let words = Array(tokens[tokenIndex..<endIndex])
            tokenIndex = endIndex
            // A "sentence" of hundreds of words is a list, a table or damaged text, not a statement;
            // reading it would also cost time that grows with the square of its length.
            if words.count > Self.maximumSentenceWords { continue }
            // Expressions come in text order, like the sentences: walk them alongside.
            while expressionIndex < expressions.count, expressions[expressionIndex].start < sentence.start { expressionIndex += 1 }
            var expressionEnd = expressionIndex
            while expressionEnd < expressions.count, expressions[expressionEnd].start < sentence.end { expressionEnd += 1 }
            let dates = expressions[expressionIndex..<expressionEnd].filter { $0.end <= sentence.end }
            let sentenceText = String(unicodeScalars: scalars[sentence.start..<sentence.end])
            // Data (a JSON or code line in a text file) is not prose: no claims.
            if sentenceText.contains("{") || sentenceText.contains("}") { continue }
            guard
                var claim = claim(
                    words, dates: dates, text: sentenceText, field: field, start: sentence.start, end: sentence.end,
                    span: { String(unicodeScalars: scalars[$0]) })
            else { continue }
            if let (before, paragraph) = previous, paragraph == sentence.paragraph, sameFamily(before.type, claim.type) {
                if claim.date == nil, let date = before.date {
                    claim.date = date
                    claim.inherited.append("date")
                }
                if claim.participants.isEmpty && claim.subjects.isEmpty {
                    claim.participants = before.participants
                    claim.subjects = before.subjects
                    if claim.places.isEmpty { claim.places = before.places }
                    claim.inherited.append("participants")
                }
            }
            if claim.date == nil, source.isArchival, let date = source.date {
                claim.date = ClaimDate(value: date, role: "document")
                claim.inherited.append("document date")
            }
            guard claim.date != nil || !claim.counts.isEmpty else { continue }
            // A text that says the same thing again (a repeated line, a running header) makes one claim.
            guard said.insert(Self.statementKey(claim)).inserted else { continue }
            claims.append(claim)
            previous = (claim, sentence.paragraph)
        }
        return claims
    }

    /// What makes two claims of one text the same statement: the same sentence read the same way.
    static func statementKey(_ claim: Claim) -> String {
        [claim.type, claim.text, claim.date?.value.edtf ?? "", claim.date?.role ?? "", claim.inherited.joined(separator: ",")].joined(
            separator: "\u{1}")
    }

    /// The longest sentence, in words, that is read for a claim.
    public static let maximumSentenceWords = 300

    /// Words without which an English sentence holds no date: seasons and the units and words of
    /// relative dates ("two days later", "the following year").
    private static let timeWords: Set<String> = [
        "spring", "summer", "autumn", "fall", "winter", "day", "days", "week", "weeks", "month", "months", "year", "years", "decade",
        "decades", "century", "later", "earlier", "next", "following", "previous", "preceding", "ago", "yesterday", "today", "tomorrow",
        "tonight", "morning", "evening", "night", "afternoon", "midnight", "noon",
    ]

    /// The text the date tagger reads: sentences that may hold a date (a digit, a month name, a
    /// time word, a Han character) are kept; the others become spaces, keeping every offset, since
    /// the tagger would find nothing in them and it is most of the extraction's time.
    private func datedText(_ scalars: [Unicode.Scalar], tokens: [TextToken], sentences: [SentenceSplitter.Sentence]) -> String {
        var kept = scalars
        var tokenIndex = 0
        for sentence in sentences {
            while tokenIndex < tokens.count, tokens[tokenIndex].start < sentence.start { tokenIndex += 1 }
            var endIndex = tokenIndex
            while endIndex < tokens.count, tokens[endIndex].end <= sentence.end { endIndex += 1 }
            let words = tokens[tokenIndex..<endIndex]
            tokenIndex = endIndex
            let dated = words.contains { token in
                guard let first = token.key.unicodeScalars.first else { return false }
                return first.properties.numericType != nil || (0x4E00...0x9FFF).contains(first.value)
                    || DatePhrase.monthNames[token.key] != nil || Self.timeWords.contains(token.key)
            }
            if dated { continue }
            for index in sentence.start..<sentence.end where kept[index] != "\n" { kept[index] = " " }
        }
        return String(unicodeScalars: kept)
    }

    private func sameFamily(_ a: String, _ b: String) -> Bool {
        if a == b || b == "statement" { return true }
        guard let family = lexicon.eventTypes[a]?.family else { return false }
        return lexicon.eventTypes[b]?.family == family
    }

    /// The highest-priority event words of the sentence, and the token index where they start.
    private func eventType(_ words: [TextToken]) -> (String, String)? {
        eventHit(words).map { ($0.type, $0.trigger) }
    }

    private func eventHit(_ words: [TextToken]) -> (type: String, trigger: String, index: Int, length: Int)? {
        var best: (type: String, trigger: String, index: Int, length: Int, rank: Int)?
        for hit in lexicon.eventWords.all(in: words) {
            let rank = lexicon.eventTypes[hit.payload]?.rank ?? .max
            if best == nil || rank < best!.rank {
                let trigger = words[hit.range].map(\.text).joined(separator: " ")
                best = (hit.payload, trigger, hit.range.lowerBound, hit.range.count, rank)
            }
        }
        return best.map { ($0.type, $0.trigger, $0.index, $0.length) }
    }

    private func claim(
        _ words: [TextToken], dates: [TemporalExpression], text: String, field: String, start: Int, end: Int,
        span: (Range<Int>) -> String
    ) -> Claim? {
        let hit = eventHit(words)
        // The words of a token range as written, spacing and all.
        let verbatim = { (range: Range<Int>) in span(words[range.lowerBound].start..<words[range.upperBound - 1].end) }
        var counts = self.counts(words, dates: dates, verbatim: verbatim)
        guard hit != nil || !counts.isEmpty else { return nil }
        let type = hit?.type ?? "statement"
        // "A plane carrying 14 people": in a journey, people are the people aboard.
        for index in counts.indices {
            if let (category, scope) = lexicon.countAs[counts[index].counts], scope == type || scope == lexicon.eventTypes[type]?.family {
                counts[index].counts = category
            }
        }
        let named = names(words, type: type, verbatim: verbatim)
        var claim = Claim(
            type: type, modality: nil, distinct: false, date: nil, places: named.places, counts: counts,
            participants: named.participants, subjects: subjects(words), trigger: hit?.trigger ?? "", text: text, field: field,
            start: start, end: end, inherited: [])
        if let hit {
            // Words of a date are never a modal cue ("On 3 May 1950 Petrov met ...").
            let inDate = { (token: TextToken) in dates.contains { token.start >= $0.start && token.end <= $0.end } }
            for gap in 0...2 where hit.index - gap > 0 {
                if let cue = lexicon.planned.match(words, endingAt: hit.index - gap),
                    !words[(hit.index - gap - cue.length)..<(hit.index - gap)].contains(where: inDate)
                {
                    claim.modality = "planned"
                    break
                }
            }
        }
        claim.distinct = !lexicon.distinct.all(in: words).isEmpty
        claim.date = date(words, dates: dates, type: type, trigger: hit.map { $0.index..<($0.index + $0.length) })
        return claim
    }

    /// The sentence's date nearest the event words that is not a bound ("by 1951", "until April"),
    /// with its role.
    private func date(_ words: [TextToken], dates: [TemporalExpression], type: String, trigger: Range<Int>?) -> ClaimDate? {
        var best: (distance: Int, date: ClaimDate)?
        for expression in dates {
            guard let value = expression.date else { continue }
            if let mod = expression.mod, mod.contains("BEFORE") || mod.contains("AFTER") { continue }
            guard let index = words.firstIndex(where: { $0.start >= expression.start }) else { continue }
            if lexicon.dateSkip.match(words, endingAt: index) != nil { continue }
            var role = "event"
            for cue in lexicon.dateRoles {
                let from = cue.anywhere ? 0 : max(0, index - 4)
                // A cue that is the event's own words ("signed on" for a signing) gives no other role.
                let hits = cue.phrases.all(in: Array(words[from..<index])).map { ($0.range.lowerBound + from)..<($0.range.upperBound + from) }
                if hits.contains(where: { hit in !(trigger.map { $0.overlaps(hit) } ?? false) }) {
                    role = cue.role
                    break
                }
            }
            if role == "reported" && type == "report" { role = "event" }
            let end = words.lastIndex(where: { $0.end <= expression.end }) ?? index
            let distance = trigger.map { $0.lowerBound < index ? index - $0.lowerBound : $0.lowerBound > end ? $0.lowerBound - end : 0 } ?? index
            if best == nil || distance < best!.distance { best = (distance, ClaimDate(value: value, role: role)) }
        }
        return best?.date
    }

    /// The people, organisations and places a sentence names, from one scan of its words.
    ///
    /// A name counts only when written with a capital. Who tells of the event ("reported by the
    /// Soviets") is not one of its participants. A place counts only with a role cue before it ("to
    /// Moscow", "in the mountains east of Lake Baikal"); a place named without one ("informed
    /// Beijing") is not a place of the event.
    private func names(_ words: [TextToken], type: String, verbatim: (Range<Int>) -> String) -> (participants: [ClaimEntity], places: [ClaimPlace]) {
        var seen: Set<String> = []
        var participants: [ClaimEntity] = []
        var places: [ClaimPlace] = []
        for hit in lexicon.entities.all(in: words) {
            guard words[hit.range].contains(where: \.capitalised) else { continue }
            if hit.payload.kind != "place" {
                if lexicon.attribution.match(words, endingAt: hit.range.lowerBound) != nil { continue }
                guard seen.insert(hit.payload.name).inserted else { continue }
                participants.append(ClaimEntity(name: hit.payload.name, kind: hit.payload.kind, text: verbatim(hit.range)))
                continue
            }
            var index = hit.range.lowerBound
            var widen = lexicon.placeVague.match(words, endingAt: index)?.payload ?? 0
            for _ in 0..<4 {
                guard let descriptor = lexicon.placeDescriptors.match(words, endingAt: index) else { break }
                index -= descriptor.length
                widen = max(widen, lexicon.placeVague.match(words, endingAt: index)?.payload ?? 0)
            }
            guard var role = lexicon.placeRoles.match(words, endingAt: index)?.payload, role != "none" else { continue }
            if role == "location" && type == "departure" { role = "origin" }
            // Where an entry went is what the entry is; where an arrival happened is its location (a stop may not be the end).
            if role == "location" && lexicon.eventTypes[type]?.placeIsIdentity == true { role = "destination" }
            if !places.contains(where: { $0.name == hit.payload.name && $0.role == role }) {
                places.append(ClaimPlace(name: hit.payload.name, text: verbatim(hit.range), role: role, widenKm: widen))
            }
        }
        return (participants, places)
    }

    private func subjects(_ words: [TextToken]) -> [String] {
        var result: [String] = []
        for hit in lexicon.subjects.all(in: words) where !result.contains(hit.payload) { result.append(hit.payload) }
        return result
    }

    // MARK: Counts

    private static let units: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    ]
    private static let multipliers: [String: Double] = ["hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000]

    /// Reads a number written in digits ("500,000") or words ("forty", "twenty-two", "two hundred").
    static func number(_ words: [TextToken], at index: Int) -> (value: Double, length: Int)? {
        let key = words[index].key
        var value: Double
        var length = 1
        guard let first = key.utf8.first else { return nil }
        if (48...57).contains(first) {
            guard let digits = Double(String(key.filter { $0 != "," })), digits.isFinite, digits < 1e15 else { return nil }
            value = digits
        } else {
            guard (97...122).contains(first) else { return nil }
            if let unit = units[key] {
                value = unit
            } else {
                guard key.contains("-") else { return nil }
                let parts = key.split(separator: "-").map(String.init)
                guard parts.allSatisfy({ units[$0] != nil }) else { return nil }
                value = parts.reduce(0) { $0 + units[$1]! }
            }
        }
        while index + length < words.count, let multiplier = multipliers[words[index + length].key] {
            value *= multiplier
            length += 1
        }
        return (value, length)
    }

    private static let qualifiers: [(words: [String], low: Double, high: Double)] = [
        (["less", "than"], 0, 1), (["fewer", "than"], 0, 1), (["under"], 0, 1), (["at", "most"], 0, 1), (["up", "to"], 0, 1),
        (["more", "than"], 1, .infinity), (["over"], 1, .infinity), (["at", "least"], 1, .infinity),
        (["about"], 0.9, 1.1), (["around"], 0.9, 1.1), (["some"], 0.9, 1.1), (["approximately"], 0.9, 1.1), (["roughly"], 0.9, 1.1),
        (["nearly"], 0.85, 1), (["almost"], 0.85, 1),
    ]

    private func counts(_ words: [TextToken], dates: [TemporalExpression], verbatim: (Range<Int>) -> String) -> [ClaimCount] {
        var result: [ClaimCount] = []
        var index = 0
        while index < words.count {
            defer { index += 1 }
            guard let (value, length) = Self.number(words, at: index) else { continue }
            if dates.contains(where: { words[index].start >= $0.start && words[index].end <= $0.end }) { continue }
            var found: (String, Int)?
            for gap in 0...2 where index + length + gap < words.count {
                if let hit = lexicon.countWords.match(words, at: index + length + gap) {
                    found = (hit.payload, index + length + gap + hit.length)
                    break
                }
            }
            guard let (category, end) = found else { continue }
            var low = value
            var high: Double? = value
            var first = index
            for qualifier in Self.qualifiers where index >= qualifier.words.count {
                let before = words[(index - qualifier.words.count)..<index].map(\.key)
                if before == qualifier.words {
                    (low, high) = (value * qualifier.low, qualifier.high.isFinite ? value * qualifier.high : nil)
                    first = index - qualifier.words.count
                    break
                }
            }
            let text = verbatim(first..<end)
            result.append(ClaimCount(value: value, low: low, high: high, counts: category, text: text))
            index = end - 1
        }
        // Parts given together add up to their total (9 passengers and 5 crew: 14 people aboard).
        var totals: [String: (Double, [String])] = [:]
        for count in result {
            if let total = lexicon.countParts[count.counts] {
                totals[total, default: (0, [])].0 += count.value
                totals[total, default: (0, [])].1.append(count.text)
            }
        }
        for (total, (sum, texts)) in totals.sorted(by: { $0.key < $1.key }) where texts.count > 1 && !result.contains(where: { $0.counts == total }) {
            result.append(ClaimCount(value: sum, low: sum, high: sum, counts: total, text: texts.joined(separator: " + ")))
        }
        return result
    }
}
