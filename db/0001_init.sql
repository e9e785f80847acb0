-- claim-workbench schema, step 1: every table the data flow needs.
-- files -> articles -> claims -> events > claim_groups > suggestions; reviewers -> verdicts.
-- Applied by sqlite-utils' Migrations (see workbench/store.py); never edit a step that has shipped,
-- add the next numbered file instead.

-- One row per distinct article: the same text from the same outlet is stored once.
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    external_id  TEXT,                 -- the id in the input, or the file name
    source       TEXT,                 -- the outlet; NULL when the input names none
    title        TEXT,
    published    TEXT,                 -- ISO date YYYY-MM-DD, NULL when unreadable or absent
    published_at TEXT,                 -- ISO date and time when the input gave a time
    url          TEXT,
    sha256       TEXT NOT NULL,        -- hash of the normalised text (dedupe, shared wire copy)
    text         TEXT NOT NULL,
    metadata     TEXT NOT NULL DEFAULT '{}',  -- JSON object: every other input field
    file         TEXT NOT NULL,        -- the file it came from
    record       INTEGER NOT NULL,     -- record number inside that file (1 for a whole-file article)
    encoding     TEXT NOT NULL DEFAULT 'utf-8',  -- 'cp1252' when the record was re-decoded
    ingested_at  TEXT NOT NULL,
    extracted_at TEXT                  -- set by extraction
);
CREATE UNIQUE INDEX articles_source_text ON articles (IFNULL(source, ''), sha256);
CREATE INDEX articles_sha256 ON articles (sha256);
CREATE INDEX articles_external_id ON articles (external_id);
CREATE INDEX articles_published ON articles (published);

-- Input records that repeated an article already stored (same outlet, same text):
-- their ids stay findable.
CREATE TABLE article_aliases (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    file        TEXT NOT NULL,
    record      INTEGER NOT NULL,
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (article_id, external_id)
);
CREATE INDEX article_aliases_external_id ON article_aliases (external_id);

-- Full-text search over title and text (external content, kept in step by triggers).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'id'
);
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- A checkable statement inside an article, with its exact words and who made it.
CREATE TABLE claims (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,       -- casualty, weapon, actor, intent, place, time
    fingerprint   TEXT NOT NULL UNIQUE,
    quote         TEXT NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    speaker       TEXT,
    speaker_chain TEXT NOT NULL DEFAULT '[]',  -- JSON list, outermost first
    hedges        TEXT NOT NULL DEFAULT '[]',  -- JSON list
    negated       INTEGER NOT NULL DEFAULT 0,
    subject       TEXT,
    subject_class TEXT,
    outcome       TEXT,
    low           INTEGER,
    high          INTEGER,
    approximate   INTEGER,
    canonical     TEXT,
    role          TEXT,
    count         INTEGER,
    hypothetical  INTEGER,
    value         TEXT,                -- JSON: the kind's value in comparable form
    parent_id     INTEGER REFERENCES claims (id) ON DELETE SET NULL,
    extracted_at  TEXT NOT NULL
);
CREATE INDEX claims_article ON claims (article_id);
CREATE INDEX claims_kind ON claims (kind);

-- Articles about one incident.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    label      TEXT NOT NULL,
    date_from  TEXT,
    date_to    TEXT,
    places     TEXT NOT NULL DEFAULT '[]',  -- JSON list
    created_at TEXT NOT NULL
);
CREATE TABLE event_articles (
    event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, article_id)
);

-- Claims inside an event that answer one question.
CREATE TABLE claim_groups (
    id                INTEGER PRIMARY KEY,
    event_id          INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    kind              TEXT NOT NULL,
    label             TEXT NOT NULL,
    status            TEXT NOT NULL,   -- agree, conflict, update, single
    status_changed_at TEXT NOT NULL
);
CREATE INDEX claim_groups_event ON claim_groups (event_id);
CREATE TABLE group_claims (
    group_id INTEGER NOT NULL REFERENCES claim_groups (id) ON DELETE CASCADE,
    claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, claim_id)
);
CREATE INDEX group_claims_claim ON group_claims (claim_id);
CREATE TABLE group_status_history (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES claim_groups (id) ON DELETE CASCADE,
    status     TEXT NOT NULL,
    changed_at TEXT NOT NULL
);

-- What the system suggests; never a verdict.
CREATE TABLE suggestions (
    claim_id   INTEGER PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    verdict    TEXT NOT NULL,          -- corroborated, disputed, unverified
    reason     TEXT NOT NULL,
    origins    TEXT NOT NULL DEFAULT '[]',  -- JSON list of origin names
    created_at TEXT NOT NULL
);

CREATE TABLE reviewers (
    name       TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);

-- Append-only verdict history, keyed by the claim's fingerprint so re-extraction keeps it.
-- The current verdict for a claim and reviewer is the latest row.
CREATE TABLE verdicts (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER,               -- the claim's id when judged (fingerprint is the key)
    fingerprint TEXT NOT NULL,
    reviewer    TEXT NOT NULL REFERENCES reviewers (name),
    verdict     TEXT,                  -- corroborated, disputed, unverified; NULL = cleared
    note        TEXT,
    at          TEXT NOT NULL,
    claim_quote TEXT NOT NULL,         -- snapshot of what was judged
    claim_value TEXT                   -- JSON snapshot of the claim's value
);
CREATE INDEX verdicts_fingerprint ON verdicts (fingerprint, reviewer, id);
CREATE TRIGGER verdicts_no_update BEFORE UPDATE ON verdicts BEGIN
    SELECT RAISE(ABORT, 'verdict history is append-only');
END;
CREATE TRIGGER verdicts_no_delete BEFORE DELETE ON verdicts BEGIN
    SELECT RAISE(ABORT, 'verdict history is append-only');
END;
