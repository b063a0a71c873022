-- archivist catalog schema: the reference DDL of the migrated catalog (SQLite).
-- Kept equal to the migrations in Sources/ArchivistKit/Catalog/CatalogSchema.swift by a test.
-- Migrations are append-only; grdb_migrations records which ran. FTS5 shadow tables are omitted.

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
CREATE VIRTUAL TABLE version_text USING fts5(title, body, content = 'version', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE search_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_through INTEGER NOT NULL CHECK (indexed_through >= 0)
);
-- v2 added the tables claim and claim_extraction; v3 dropped them: claims are derived data and live in the
-- claims cache beside the catalog (schemas/claims.sql).
-- v4 added search_state: versions are indexed in version_text in batches, in transactions of their own
-- (every 256 stored files or 4,096 versions, at the end of each ingest, and before each search); indexed_through is the
-- highest version id indexed, and every version above it is still to be indexed.
-- v5: the event table made again with its checks as OR chains (an IN list of more than two constants
-- costs SQLite a temporary index on every insert); its rows copied whole, its triggers made again.
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
CREATE TRIGGER event_is_immutable BEFORE UPDATE ON event
  BEGIN SELECT RAISE(ABORT, 'provenance events are never changed'); END;
CREATE TRIGGER event_is_kept BEFORE DELETE ON event
  BEGIN SELECT RAISE(ABORT, 'provenance events are never deleted'); END;
