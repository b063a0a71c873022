-- archivist claims cache schema: the reference DDL of the file beside the catalog (<catalog>-claims, SQLite).
-- Kept equal to the migrations of ClaimCacheSchema in Sources/ArchivistKit/Catalog/CatalogSchema.swift by a test.
-- Derived data: the claims the verifier extracted from each version. Deleting the file loses nothing; the next
-- `archivist verify` extracts the claims again. content is a positional JSON array (see README, Catalog model).

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
