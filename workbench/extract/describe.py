"""A claim's value in a few words, for lists and tables: "killed 62 Syrian soldiers (military)".

Counts read as intervals: "62", "45+" (at least 45), "101+" (more than 100), "<=49" (nearly
50), "20-30", with "~" when approximate; "NOT" marks a negated claim.
"""

from __future__ import annotations

from workbench.models import Claim


def count_text(low: int | None, high: int | None, approximate: bool | None = False) -> str:
    """An interval as a reader says it: 62, 45+, <=49, 20-30 (with ~ when approximate)."""
    if low is not None and high is not None:
        text = str(low) if low == high else f"{low}-{high}"
    elif low is not None:
        text = f"{low}+"
    elif high is not None:
        text = f"<={high}"
    else:
        text = "?"
    return ("~" if approximate else "") + text


def describe(claim: Claim) -> str:
    """The claim's value in a few words."""
    if claim.kind == "casualty":
        words = [claim.outcome or "?", count_text(claim.low, claim.high, claim.approximate)]
        if claim.subject:
            words.append(claim.subject)
        if claim.subject_class and claim.subject_class != "unknown":
            words.append(f"({claim.subject_class})")
        if claim.rising:
            words.append("[rising]")
        text = " ".join(words)
    elif claim.kind == "weapon":
        text = f"{claim.canonical}" + (f" x{claim.count}" if claim.count else "")
    elif claim.kind == "actor":
        text = f"{claim.canonical} ({claim.role})"
    elif claim.kind == "intent":
        text = f"{claim.canonical}" + (" (hypothetical)" if claim.hypothetical else "")
    elif claim.kind == "place":
        text = f"{claim.canonical}" + (f" ({claim.value})" if claim.value else "")
    else:
        text = claim.value or "?"
    return ("NOT " if claim.negated else "") + text
