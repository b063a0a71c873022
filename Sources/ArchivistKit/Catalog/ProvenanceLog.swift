import Foundation
import GRDB

/// Appends to the hash-chained provenance log within one write transaction.
///
/// Reads the log's head once, when created, and carries it from event to event, so a file's
/// several events cost one head lookup. Create it inside the transaction that appends.
struct ProvenanceLog {
    private let db: Database
    private var seq: Int64
    private var head: String

    /// Reads the current head of the log; the caller must hold the write transaction.
    init(_ db: Database) throws {
        self.db = db
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1"))
        seq = row?["seq"] ?? 0
        head = row?["hash"] ?? ProvenanceEvent.genesisHash
    }

    /// Appends one event after the head.
    @discardableResult
    mutating func append(
        _ type: PREMISEventType, outcome: EventOutcome, detail: [String: String],
        documentID: String? = nil, versionID: Int64? = nil, at time: String = Timestamp.now()
    ) throws -> EventRecord {
        var record = EventRecord(
            seq: seq + 1, id: EventIdentifier.make(), type: type.rawValue, occurredAt: time, agent: Agent.current,
            outcome: outcome.rawValue, detail: Self.encodeDetail(detail), documentID: documentID, versionID: versionID,
            prevHash: head, hash: "")
        record.hash = Self.hash(of: record)
        try record.insertRow(db)
        seq = record.seq
        head = record.hash
        return record
    }

    /// The hash an event must carry: SHA-256 over the JSON array of its previous hash and its fields.
    ///
    /// The canonical content is the JSON array `[prev_hash, seq, id, type, occurred_at, agent,
    /// outcome, detail, document_id, version_id]`, all as strings ("" for null), encoded without
    /// whitespace; `detail` is itself JSON with sorted keys.
    static func hash(of event: EventRecord) -> String {
        let fields = [
            event.prevHash, String(event.seq), event.id, event.type, event.occurredAt, event.agent, event.outcome,
            event.detail, event.documentID ?? "", event.versionID.map { String($0) } ?? "",
        ]
        return SHA256Digest.hex(CanonicalJSON.arrayBytes(fields))
    }

    static func encodeDetail(_ detail: [String: String]) -> String {
        CanonicalJSON.object(detail)
    }

    static func decodeDetail(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? ["unparsed": text]
    }
}
