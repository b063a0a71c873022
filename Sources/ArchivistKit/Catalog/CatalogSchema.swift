import GRDB

/// The catalog's schema, as append-only migrations.
///
/// Never edit a migration once it has shipped: add a new one. `schemas/catalog.sql` is the
/// reference DDL of the migrated schema, kept equal to it by a test.
///
/// Every index costs a page write in each file's ingest transaction, so only lookups made per file
/// are indexed (`version_origin` for the unchanged check, the UNIQUE constraints). Queries made once
/// per command (a document's events, an audit's cross-checks) scan instead.
enum CatalogSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: originals, documents, versions, events, search") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2: claims") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3: claims moved to the claims cache") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("v4: search index updated in batches") { db in
            try db.execute(sql: v4)
        }
        migrator.registerMigration("v5: event checks without IN lists") { db in
            try db.execute(sql: v5)
        }
        return migrator
    }

    static let v1 = """
        CREATE TABLE original (
          sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
          size INTEGER NOT NULL CHECK (size >= 0),
          content BLOB NOT NULL,
          stored_at TEXT NOT NULL
        );
        CREATE TABLE document (
          id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
          identity_kind TEXT NOT NULL CHECK (identity_kind IN ('record', 'path')),
          created_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE version (
          id INTEGER PRIMARY KEY,
          document_id TEXT NOT NULL REFERENCES document(id),
          number INTEGER NOT NULL CHECK (number >= 1),
          parent_id INTEGER REFERENCES version(id),
          sha256 TEXT NOT NULL REFERENCES original(sha256),
          size INTEGER NOT NULL CHECK (size >= 0),
          ingested_at TEXT NOT NULL,
          importer TEXT NOT NULL,
          importer_version TEXT NOT NULL,
          format TEXT NOT NULL,
          encoding TEXT NOT NULL,
          source_path TEXT NOT NULL,
          origin_path TEXT NOT NULL,
          title TEXT NOT NULL,
          date_text TEXT,
          date_edtf TEXT,
          date_precision TEXT CHECK (date_precision IN ('day', 'month', 'season', 'year', 'decade', 'century')),
          date_earliest TEXT,
          date_latest TEXT,
          summary TEXT,
          original_language TEXT,
          citation TEXT,
          source_line TEXT,
          translator TEXT,
          record_id TEXT,
          body TEXT NOT NULL,
          fields TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields)),
          warnings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
          UNIQUE (document_id, number),
          UNIQUE (document_id, sha256),
          CHECK ((number = 1) = (parent_id IS NULL))
        );
        CREATE INDEX version_origin ON version(origin_path, sha256);
        CREATE TABLE event (
          seq INTEGER PRIMARY KEY CHECK (seq >= 1),
          id TEXT NOT NULL,
          type TEXT NOT NULL CHECK (type IN ('ingestion', 'message digest calculation', 'fixity check', 'validation',
            'metadata extraction', 'format identification', 'quarantine', 'deletion', 'replication', 'information package creation')),
          occurred_at TEXT NOT NULL,
          agent TEXT NOT NULL,
          outcome TEXT NOT NULL CHECK (outcome IN ('success', 'warning', 'failure')),
          detail TEXT NOT NULL CHECK (json_valid(detail)),
          document_id TEXT REFERENCES document(id),
          version_id INTEGER REFERENCES version(id),
          prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
          hash TEXT NOT NULL CHECK (length(hash) = 64)
        );
        CREATE TRIGGER original_is_immutable BEFORE UPDATE ON original
          BEGIN SELECT RAISE(ABORT, 'originals are never changed'); END;
        CREATE TRIGGER original_is_kept BEFORE DELETE ON original
          BEGIN SELECT RAISE(ABORT, 'originals are never deleted'); END;
        CREATE TRIGGER document_is_kept BEFORE DELETE ON document
          BEGIN SELECT RAISE(ABORT, 'documents are never deleted'); END;
        CREATE TRIGGER version_is_immutable BEFORE UPDATE ON version
          BEGIN SELECT RAISE(ABORT, 'versions are never changed; ingest a new version'); END;
        CREATE TRIGGER version_is_kept BEFORE DELETE ON version
          BEGIN SELECT RAISE(ABORT, 'versions are never deleted'); END;
        CREATE TRIGGER event_is_immutable BEFORE UPDATE ON event
          BEGIN SELECT RAISE(ABORT, 'provenance events are never changed'); END;
        CREATE TRIGGER event_is_kept BEFORE DELETE ON event
          BEGIN SELECT RAISE(ABORT, 'provenance events are never deleted'); END;
        CREATE VIRTUAL TABLE version_text USING fts5(title, body, content = 'version', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
        """

    /// Claims were kept in the catalog from v2; v3 moved them to ``ClaimCacheSchema``.
    static let v2 = """
        CREATE TABLE claim_extraction (
          version_id INTEGER PRIMARY KEY NOT NULL REFERENCES version(id),
          extractor TEXT NOT NULL,
          lexicon TEXT NOT NULL CHECK (length(lexicon) = 64),
          claims INTEGER NOT NULL CHECK (claims >= 0),
          extracted_at TEXT NOT NULL
        );
        CREATE TABLE claim (
          version_id INTEGER NOT NULL REFERENCES claim_extraction(version_id),
          seq INTEGER NOT NULL CHECK (seq >= 0),
          type TEXT NOT NULL,
          sentence TEXT NOT NULL,
          content TEXT NOT NULL CHECK (json_valid(content)),
          PRIMARY KEY (version_id, seq)
        ) WITHOUT ROWID;
        """

    /// Claims are derived data, re-extracted from the versions whenever needed: they live in the
    /// claims cache beside the catalog, so that the catalog, what an audit checks and a backup must
    /// keep, holds only what was ingested and what was done to it. The next `verify` extracts them
    /// again (the `metadata extraction` events of earlier extractions stay in the log).
    static let v3 = """
        DROP TABLE claim;
        DROP TABLE claim_extraction;
        """

    /// Versions are indexed for search in batches, each in a transaction of its own, instead of in
    /// each file's transaction: `indexed_through` is the highest version id in `version_text`.
    /// Version ids only grow (versions are never deleted, and writers take turns), so every version
    /// above it is still to be indexed, and every one at or below it is. Until v4, each version was
    /// indexed in its file's transaction, so an older catalog is indexed through its last version.
    static let v4 = """
        CREATE TABLE search_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          indexed_through INTEGER NOT NULL CHECK (indexed_through >= 0)
        );
        INSERT INTO search_state (id, indexed_through) SELECT 1, coalesce(max(id), 0) FROM version;
        """

    /// The same `event` table, with its `type` and `outcome` checks written as OR chains instead of
    /// IN lists: SQLite checks an IN list of more than two constants by building a temporary index
    /// every time the INSERT runs, which cost 3.8 µs an event (100,000 inserts: 0.77 s with the IN
    /// lists, 0.39 s as OR chains, 0.37 s with no check). The events are copied whole, in order
    /// (`seq` is the row id), so the hash chain is unchanged; the triggers are made again.
    static let v5 = """
        ALTER TABLE event RENAME TO event_v4;
        CREATE TABLE event (
          seq INTEGER PRIMARY KEY CHECK (seq >= 1),
          id TEXT NOT NULL,
          type TEXT NOT NULL CHECK (type = 'ingestion' OR type = 'message digest calculation' OR type = 'fixity check'
            OR type = 'validation' OR type = 'metadata extraction' OR type = 'format identification' OR type = 'quarantine'
            OR type = 'deletion' OR type = 'replication' OR type = 'information package creation'),
          occurred_at TEXT NOT NULL,
          agent TEXT NOT NULL,
          outcome TEXT NOT NULL CHECK (outcome = 'success' OR outcome = 'warning' OR outcome = 'failure'),
          detail TEXT NOT NULL CHECK (json_valid(detail)),
          document_id TEXT REFERENCES document(id),
          version_id INTEGER REFERENCES version(id),
          prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
          hash TEXT NOT NULL CHECK (length(hash) = 64)
        );
        INSERT INTO event (seq, id, type, occurred_at, agent, outcome, detail, document_id, version_id, prev_hash, hash)
          SELECT seq, id, type, occurred_at, agent, outcome, detail, document_id, version_id, prev_hash, hash FROM event_v4 ORDER BY seq;
        DROP TABLE event_v4;
        CREATE TRIGGER event_is_immutable BEFORE UPDATE ON event
          BEGIN SELECT RAISE(ABORT, 'provenance events are never changed'); END;
        CREATE TRIGGER event_is_kept BEFORE DELETE ON event
          BEGIN SELECT RAISE(ABORT, 'provenance events are never deleted'); END;
        """
}

/// The schema of the claims cache (`<catalog>-claims`), as append-only migrations.
/// `schemas/claims.sql` is its reference DDL, kept equal to it by a test.
///
/// Claims are derived data: re-extracted when the data files or the extractor change (`verify
/// --rebuild` forces it), so unlike versions and events they are replaced. Each version's
/// extraction records the extractor and the data files' fingerprint it was made with. The file may
/// be deleted at any time; the next `verify` makes it again.
enum ClaimCacheSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: claims") { db in
            try db.execute(sql: v1)
        }
        return migrator
    }

    static let v1 = """
        CREATE TABLE claim_extraction (
          version_id INTEGER PRIMARY KEY NOT NULL,
          extractor TEXT NOT NULL,
          lexicon TEXT NOT NULL CHECK (length(lexicon) = 64),
          claims INTEGER NOT NULL CHECK (claims >= 0),
          extracted_at TEXT NOT NULL
        );
        CREATE TABLE claim (
          version_id INTEGER NOT NULL REFERENCES claim_extraction(version_id),
          seq INTEGER NOT NULL CHECK (seq >= 0),
          type TEXT NOT NULL,
          sentence TEXT NOT NULL,
          content TEXT NOT NULL CHECK (json_valid(content)),
          PRIMARY KEY (version_id, seq)
        ) WITHOUT ROWID;
        """
}
