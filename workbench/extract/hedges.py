"""Hedges and negation around a claim: "reportedly", "allegedly"; "denied that", "did not".

Reporting hedges (`lexicon/hedges.toml`) are recorded on every claim of their sentence, as
written (lower case). A claim is negated when a denial ("denied", "rejected claims") stands
before it in its sentence, or a negation ("did not", "never") just before it.
"""

from __future__ import annotations

import re

from workbench.extract.gazetteer import Hit

NEGATION_REACH = 40  # characters before a claim's words that a "did not" governs
_CLAUSE_BREAK = re.compile(r"[,;]")


def sentence_hedges(hits: list[Hit], sentence: str) -> list[str]:
    """The reporting hedges of a sentence, in order, each once."""
    out: list[str] = []
    for h in hits:
        if h.entry.table == "hedge":
            word = " ".join(sentence[h.start : h.end].lower().split())
            if word not in out:
                out.append(word)
    return out


def negated_at(sentence: str, pos: int, hits: list[Hit]) -> bool:
    """Whether a denial (before `pos` in the sentence) or a negation (just before) governs it."""
    for h in hits:
        if h.end > pos:
            break
        if h.entry.table == "deny" and ";" not in sentence[h.end : pos]:
            return True
        if (
            h.entry.table == "negation"
            and pos - h.end <= NEGATION_REACH
            and not _CLAUSE_BREAK.search(sentence, h.end, pos)
            and not any(v.entry.table == "verb" and h.end <= v.start < pos for v in hits)
        ):
            return True  # "did not kill 20" (but not "which did not mention it said 40 died")
    return False
