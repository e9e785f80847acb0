"""The review screen's keys: each with a short word for the footer and a sentence for the help
screen and the command palette (its tooltip)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

# how keys are written for people (Textual names them "right_square_bracket", ...)
KEY_DISPLAY = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "slash": "/",
    "question_mark": "?",
    "ctrl+z": "ctrl+z",
    "shift+tab": "shift+tab",
}

REVIEW_KEYS: list[BindingType] = [
    Binding("c", "mark('corroborated')", "corroborated", tooltip="Mark the claim corroborated"),
    Binding("d", "mark('disputed')", "disputed", tooltip="Mark the claim disputed"),
    Binding("u", "mark('unverified')", "unverified", tooltip="Mark the claim unverified"),
    Binding("x", "mark('clear')", "clear", tooltip="Clear your verdict on the claim"),
    Binding("a", "accept", "accept", tooltip="Take the suggested verdict"),
    Binding("n", "note", "note", tooltip="Write a note on the claim"),
    Binding("ctrl+z", "undo", "undo", tooltip="Undo your last verdict change (appends)"),
    Binding(
        "right_square_bracket",
        "unreviewed(True)",
        "next to do",
        tooltip="Next claim you have not judged",
    ),
    Binding(
        "left_square_bracket",
        "unreviewed(False)",
        "previous to do",
        show=False,
        tooltip="Previous claim you have not judged",
    ),
    Binding("j", "step(1)", "next claim", show=False, tooltip="Next claim (into the next group)"),
    Binding("k", "step(-1)", "previous claim", show=False, tooltip="Previous claim"),
    Binding("slash", "search", "search", tooltip="Search claims and articles"),
    Binding("f", "cycle_filter", "filter", tooltip="Filter: all, conflicts, unreviewed, mine"),
    Binding("o", "open_article", "article", tooltip="Open the whole article"),
    Binding("e", "export", "export", tooltip="Export a report"),
    Binding("r", "refresh", "refresh", tooltip="Reload, showing other reviewers' verdicts"),
    Binding("tab", "app.focus_next", "next pane", show=False, tooltip="Focus the next pane"),
    Binding(
        "shift+tab",
        "app.focus_previous",
        "previous pane",
        show=False,
        tooltip="Focus the previous pane",
    ),
]
