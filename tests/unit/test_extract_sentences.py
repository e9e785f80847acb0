"""Sentences and their offsets: text[start:end] is the sentence, always."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.extract.sentences import MAX_SENTENCE, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("The U.S. State Department said so. Then it stopped.",
         ["The U.S. State Department said so.", "Then it stopped."]),
        ("Jets struck at 5 p.m. (1400 GMT) on Saturday. Ten died.",
         ["Jets struck at 5 p.m. (1400 GMT) on Saturday.", "Ten died."]),
        ("The market opened at 10 a.m. The jets came later.",
         ["The market opened at 10 a.m.", "The jets came later."]),
        ("Maj. Gen. Igor Konashenkov spoke. He left.",
         ["Maj. Gen. Igor Konashenkov spoke.", "He left."]),
        ('"It was a mistake," he said. "We regret it."',
         ['"It was a mistake," he said.', '"We regret it."']),
        ("RT reports:\n\nSixty-two were killed.", ["RT reports:", "Sixty-two were killed."]),
        ("Line one ends here.\nLine two follows", ["Line one ends here.", "Line two follows"]),
        ("  \n\n  ", []),
    ],
)  # fmt: skip
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_paragraph_numbers_follow_blank_lines() -> None:
    found = split_sentences("A one. A two.\n\nB one.\n\n\nC one.")
    assert [(s.text, s.paragraph) for s in found] == [
        ("A one.", 0),
        ("A two.", 0),
        ("B one.", 1),
        ("C one.", 2),
    ]


def test_a_run_without_stops_is_cut_at_white_space() -> None:
    text = "word " * 1000
    found = split_sentences(text)
    assert len(found) > 1
    assert all(len(s.text) <= MAX_SENTENCE for s in found)
    assert all(text[s.start : s.end] == s.text for s in found)


@given(st.text(alphabet=st.sampled_from(list('ab .!?\n"“”()U.S:,-1')), max_size=300))
def test_offsets_always_slice_to_the_sentence(text: str) -> None:
    previous_end = 0
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert s.start >= previous_end
        previous_end = s.end
