"""The JSON export's claims: every contract field, integer ids, id order, parents that exist."""

import json
from pathlib import Path

from conftest import REPO

from workbench.report.export_json import CLAIM_FIELDS

CONTRACT = [
    "kind", "subject", "subject_class", "outcome", "low", "high", "approximate", "canonical",
    "role", "count", "hypothetical", "value", "parent", "quote", "start", "end", "speaker",
    "speaker_chain", "hedges", "negated", "fingerprint",
]  # fmt: skip


def test_export_fills_claims(run, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert list(CLAIM_FIELDS) == CONTRACT
    assert run("ingest", REPO / "workbench" / "samples" / "corpus", "--db", db_path).returncode == 0
    data = json.loads(run("export", "--db", db_path).stdout)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    claims = data["claims"]
    assert claims and [c["id"] for c in claims] == sorted(c["id"] for c in claims)
    ids = {c["id"] for c in claims}
    for c in claims:
        assert {"id", "article_id", *CONTRACT, "span_start", "span_end", "rising"} <= set(c)
        assert isinstance(c["id"], int) and c["article_id"] in texts
        assert texts[c["article_id"]][c["start"] : c["end"]] == c["quote"]
        assert c["parent"] is None or c["parent"] in ids
        if c["kind"] != "casualty":
            assert c["low"] is c["high"] is c["outcome"] is None
    assert len({c["fingerprint"] for c in claims}) == len(claims)
    assert any(c["parent"] is not None for c in claims)
