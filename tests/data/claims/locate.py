"""Turn hand-written label drafts into `fakes-dev.jsonl` (offsets only, no article text).

A draft is one JSON file per article, kept outside the project:

    {"unit_id": "1914947530", "claims": [
        {"kind": "casualty", "at": "killed at least 58 people", "word": "at least 58",
         "outcome": "killed", "low": 58, "high": null, "subject_class": "civilian",
         "speaker": "Syrian Observatory for Human Rights", "origin": null, "scope": "incident"}]}

`at` is a snippet of the article text found exactly once (or give `"n": 2` for its second
occurrence); `word` is the words carrying the value inside it (default: all of `at`). The text is
the article as the workbench stores it (`texts/<unit_id>.txt`, dumped from an ingest of the CSV).

    python tests/data/claims/locate.py DRAFTS_DIR TEXTS_DIR OUT.jsonl [--check]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

KINDS = {
    "casualty": {"outcome", "low", "high", "subject_class"},
    "weapon": {"canonical", "count"},
    "actor": {"canonical", "role"},
    "intent": {"canonical"},
    "place": {"canonical", "value"},
    "time": {"value"},
}
COMMON = {"kind", "at", "word", "n", "speaker", "origin", "scope", "negated", "note"}
SCOPES = {"incident", "other", "background", "page"}
OUTCOMES = {"killed", "injured", "missing", "captured", "displaced"}


def locate(text: str, claim: dict[str, Any], where: str) -> dict[str, Any]:
    kind = claim.get("kind")
    if kind not in KINDS:
        raise ValueError(f"{where}: unknown kind {kind!r}")
    unknown = set(claim) - COMMON - KINDS[kind]
    if unknown:
        raise ValueError(f"{where}: fields {sorted(unknown)} do not belong to {kind}")
    if claim.get("scope") not in SCOPES:
        raise ValueError(f"{where}: scope must be one of {sorted(SCOPES)}")
    if kind == "casualty" and claim.get("outcome") not in OUTCOMES:
        raise ValueError(f"{where}: outcome must be one of {sorted(OUTCOMES)}")
    if kind == "actor" and claim.get("role") not in ("perpetrator", "target"):
        raise ValueError(f"{where}: role must be perpetrator or target")
    at, n = claim["at"], int(claim.get("n", 1))
    hits, i = [], text.find(at)
    while i >= 0:
        hits.append(i)
        i = text.find(at, i + 1)
    if not hits:
        raise ValueError(f"{where}: snippet not in the text: {at!r}")
    if len(hits) > 1 and "n" not in claim:
        raise ValueError(f"{where}: snippet found {len(hits)} times, give n: {at!r}")
    if n > len(hits):
        raise ValueError(f"{where}: snippet found {len(hits)} times, not {n}: {at!r}")
    word = claim.get("word") or at
    inner = at.find(word)
    if inner < 0:
        raise ValueError(f"{where}: word {word!r} not inside snippet {at!r}")
    start = hits[n - 1] + inner
    out = {"kind": kind, "start": start, "end": start + len(word)}
    for name in sorted(set(claim) - {"kind", "at", "word", "n", "note"}):
        out[name] = claim[name]
    out.setdefault("speaker", None)
    out.setdefault("negated", False)
    return out


def main(argv: list[str]) -> int:
    drafts, texts, out_path = Path(argv[0]), Path(argv[1]), Path(argv[2])
    check = "--check" in argv
    lines, errors = [], []
    for draft in sorted(drafts.glob("*.json")):
        data = json.loads(draft.read_text(encoding="utf-8"))
        unit = str(data["unit_id"])
        text = (texts / f"{unit}.txt").read_text(encoding="utf-8")
        claims = []
        for k, claim in enumerate(data["claims"], 1):
            try:
                claims.append(locate(text, claim, f"{draft.name} claim {k}"))
            except (ValueError, KeyError) as exc:
                errors.append(str(exc))
        claims.sort(key=lambda c: (c["start"], c["kind"]))
        lines.append({"unit_id": unit, "length": len(text), "claims": claims})
    for e in errors:
        print(e, file=sys.stderr)
    if not check and not errors:
        lines.sort(key=lambda line: line["unit_id"])
        body = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        out_path.write_text(body, encoding="utf-8")
    claims = sum(len(x["claims"]) for x in lines)
    print(f"{len(lines)} articles, {claims} claims, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
