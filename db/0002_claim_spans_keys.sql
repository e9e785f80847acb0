-- claim-workbench schema, step 2: what extraction, alignment and review need beyond step 1.

-- Where the words carrying a claim's value are inside the article (for highlighting), and
-- whether the claim was said as a rising toll ("the death toll rose to 48").
ALTER TABLE claims ADD COLUMN span_start INTEGER;
ALTER TABLE claims ADD COLUMN span_end INTEGER;
ALTER TABLE claims ADD COLUMN rising INTEGER NOT NULL DEFAULT 0;
CREATE INDEX claims_parent ON claims (parent_id);

-- Stable identities across re-alignment: an event or group found again keeps its id, and with it
-- its status history.
ALTER TABLE events ADD COLUMN key TEXT;
CREATE UNIQUE INDEX events_key ON events (key);
ALTER TABLE claim_groups ADD COLUMN key TEXT;
CREATE UNIQUE INDEX claim_groups_key ON claim_groups (key);
CREATE INDEX group_status_history_group ON group_status_history (group_id, id);

-- Looking verdicts up by claim and by reviewer.
CREATE INDEX verdicts_claim ON verdicts (claim_id, reviewer, id);
CREATE INDEX verdicts_reviewer ON verdicts (reviewer, id);

-- Full-text search over claim quotes, subjects and speakers (the review UI's `/`).
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    quote, subject, speaker, content = 'claims', content_rowid = 'id'
);
CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, quote, subject, speaker)
    VALUES (new.id, new.quote, new.subject, new.speaker);
END;
CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, quote, subject, speaker)
    VALUES ('delete', old.id, old.quote, old.subject, old.speaker);
END;
CREATE TRIGGER claims_fts_au AFTER UPDATE OF quote, subject, speaker ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, quote, subject, speaker)
    VALUES ('delete', old.id, old.quote, old.subject, old.speaker);
    INSERT INTO claims_fts (rowid, quote, subject, speaker)
    VALUES (new.id, new.quote, new.subject, new.speaker);
END;
