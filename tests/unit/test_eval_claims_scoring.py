"""How `workbench eval claims` decides that an extracted claim is a labelled one."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.extract.claim_eval import (
    LabelClaim,
    distinct,
    match,
    read_labels,
    same_name,
    same_value,
)
from workbench.extract.evaluate import EvalError
from workbench.models import Claim


def claim(**fields: object) -> Claim:
    base: dict[str, object] = {"kind": "casualty", "quote": "x" * 40, "start": 10, "end": 50}
    return Claim(**{**base, **fields})  # type: ignore[arg-type]


def label(**fields: object) -> LabelClaim:
    base: dict[str, object] = {"kind": "casualty", "start": 20, "end": 22, "scope": "incident"}
    return LabelClaim(**{**base, **fields})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("said", "wanted", "same"),
    [
        (dict(outcome="killed", low=62, high=62), dict(outcome="killed", low=62, high=62), True),
        (dict(outcome="killed", low=101, high=None),
         dict(outcome="killed", low=100, high=None), True),
        (dict(outcome="killed", low=62, high=62), dict(outcome="injured", low=62, high=62), False),
        (dict(outcome="killed", low=45, high=None), dict(outcome="killed", low=45, high=45), False),
        (dict(outcome="killed", low=7, high=7), dict(outcome="killed", low=70, high=70), False),
        (dict(kind="actor", canonical="russia", role="perpetrator", negated=True),
         dict(kind="actor", canonical="russia", role="perpetrator", negated=True), True),
        (dict(kind="actor", canonical="russia", role="perpetrator"),
         dict(kind="actor", canonical="russia", role="perpetrator", negated=True), False),
        (dict(kind="actor", canonical="isis", role="target"),
         dict(kind="actor", canonical="isis", role="perpetrator"), False),
        (dict(kind="weapon", canonical="F-16"), dict(kind="weapon", canonical="f16"), True),
        (dict(kind="place", canonical="Khan Sheikhoun"),
         dict(kind="place", canonical="khan sheikhoun"), True),
        (dict(kind="time", value="2017-04-04T06:30"), dict(kind="time", value="2017-04-04"), True),
        (dict(kind="time", value="2017-04-03"), dict(kind="time", value="2017-04-04"), False),
        # a denial reads as itself, not as "not denied"
        (dict(kind="intent", canonical="denied", negated=True),
         dict(kind="intent", canonical="denied"), True),
    ],
)  # fmt: skip
def test_values_compare_by_kind(
    said: dict[str, object], wanted: dict[str, object], same: bool
) -> None:
    assert same_value(claim(**said), label(**wanted)) is same


@pytest.mark.parametrize(
    ("said", "wanted", "same"),
    [
        (None, None, True),
        ("SANA", None, False),
        (None, "SANA", False),
        ("the Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", True),
        ("Russia's defence ministry", "Russian Defence Ministry", True),
        ("activists", "Syrian Observatory for Human Rights", False),
    ],
)
def test_speakers_compare_as_names(said: str | None, wanted: str | None, same: bool) -> None:
    assert same_name(said, wanted) is same


def test_a_label_matches_inside_the_claims_sentence_only_once() -> None:
    one = claim(outcome="killed", low=12, high=12, start=0, end=40)
    again = claim(outcome="killed", low=12, high=12, start=0, end=40, span_start=30, span_end=32)
    elsewhere = claim(outcome="killed", low=12, high=12, start=100, end=140)
    claims = distinct([one, again, elsewhere])
    assert claims == [one, elsewhere]  # the same value twice in a sentence is one claim
    wanted = label(outcome="killed", low=12, high=12, start=5, end=7)
    pairs = match(claims, [wanted, wanted.model_copy()])
    assert [p.claim for p in pairs] == [one]  # the second label finds no free claim there


def test_bad_label_lines_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "labels.jsonl"
    path.write_text('{"unit_id": "1", "length": 5, "claims": []}\n{"unit_id": "2"}\n')
    with pytest.raises(EvalError, match=r"labels.jsonl: line 2: length: Field required"):
        read_labels(path)
