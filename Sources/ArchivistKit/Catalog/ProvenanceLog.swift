import Foundation
import GRDB

/// Appends to and checks the hash-chained provenance log. Callers hold a write transaction.
enum ProvenanceLog {
    /// Appends one event after the current head, inside the caller's transaction.
    @discardableResult
    static func append(
        _ db: Database, type: PREMISEventType, outcome: EventOutcome, detail: [String: String],
        documentID: String? = nil, versionID: Int64? = nil, at time: String = Timestamp.now()
    ) throws -> EventRecord {
        let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (head?["seq"] ?? 0) + 1
        let previous: String = head?["hash"] ?? ProvenanceEvent.genesisHash
        var record = EventRecord(
            seq: seq, id: UUID().uuidString.lowercased(), type: type.rawValue, occurredAt: time, agent: Agent.current,
            outcome: outcome.rawValue, detail: encodeDetail(detail), documentID: documentID, versionID: versionID,
            prevHash: previous, hash: "")
        record.hash = hash(of: record)
        try record.insert(db)
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
        return SHA256Digest.hex(Array(CanonicalJSON.array(fields).utf8))
    }

    static func encodeDetail(_ detail: [String: String]) -> String {
        CanonicalJSON.object(detail)
    }

    static func decodeDetail(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? ["unparsed": text]
    }
}
