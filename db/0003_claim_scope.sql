-- claim-workbench schema, step 3: what a claim is about.

-- `incident` (the article's lead incident), `other` (another incident the article reports),
-- `background` (the war as a whole, history, totals over a period) or `page` (related
-- headlines, captions, credits glued into the text). Alignment compares `incident` claims only.
ALTER TABLE claims ADD COLUMN scope TEXT NOT NULL DEFAULT 'incident';
CREATE INDEX claims_scope ON claims (scope);
