"""The nouns of the workbench as pydantic models: what crosses a boundary (file, store, export)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ArticleRecord(BaseModel):
    """One article as a reader found it in a file, before it is stored."""

    model_config = ConfigDict(frozen=True)

    file: str
    record: int = Field(ge=1, description="record number inside the file, 1-based")
    external_id: str
    text: str = Field(min_length=1)
    title: str | None = None
    source: str | None = None
    published: str | None = None
    published_at: str | None = None
    url: str | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)
    encoding: str = "utf-8"


class Article(BaseModel):
    """A stored article, as the JSON export shows it."""

    id: int
    external_id: str | None
    source: str | None
    title: str | None
    published: str | None
    url: str | None
    sha256: str
    text: str
    metadata: dict[str, Any]
    published_at: str | None = None
    aliases: list[str] = Field(default_factory=list)
    shares_text_with: list[int] = Field(default_factory=list)
    file: str | None = None
    record: int | None = None
    encoding: str = "utf-8"


# -- claims and what is built on them ------------------------------------------------------------

ClaimKind = Literal["casualty", "weapon", "actor", "intent", "place", "time"]
CLAIM_KINDS: tuple[str, ...] = ("casualty", "weapon", "actor", "intent", "place", "time")
VerdictName = Literal["corroborated", "disputed", "unverified"]
VERDICTS: tuple[str, ...] = ("corroborated", "disputed", "unverified")
# what a claim is about: the article's lead incident, another incident it reports, the war's
# background (history, totals over a period), or page clutter (related headlines, captions)
ClaimScope = Literal["incident", "other", "background", "page"]
SCOPES: tuple[str, ...] = ("incident", "other", "background", "page")
COMPARED_SCOPES: tuple[str, ...] = ("incident",)  # the claims alignment lines up
GroupStatus = Literal["agree", "conflict", "update", "single"]
GROUP_STATUSES: tuple[str, ...] = ("conflict", "update", "agree", "single")

# The fields that make up a claim's value, as the JSON export and verdict snapshots show them.
VALUE_FIELDS: tuple[str, ...] = (
    "outcome",
    "subject",
    "subject_class",
    "low",
    "high",
    "approximate",
    "canonical",
    "role",
    "count",
    "hypothetical",
    "value",
    "negated",
)


class Claim(BaseModel):
    """A checkable statement inside one article: its exact words, who made it, its value.

    `text[start:end] == quote` on the stored article text, always. Fields that do not apply to
    the claim's kind are None. Extraction builds claims without `id`/`article_id`; a sub-count
    names the claim it belongs to by `parent_fingerprint` until the store gives it a `parent` id.
    """

    id: int | None = None
    article_id: int | None = None
    kind: ClaimKind
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    speaker: str | None = None
    speaker_chain: list[str] = Field(default_factory=list)  # outermost first
    hedges: list[str] = Field(default_factory=list)
    negated: bool = False
    fingerprint: str = ""
    # casualty
    outcome: str | None = None  # killed, injured, missing, captured, displaced
    subject: str | None = None
    subject_class: str | None = None  # civilian, military, armed-group, mixed, unknown
    low: int | None = None
    high: int | None = None
    approximate: bool | None = None
    # weapon, actor, intent, place
    canonical: str | None = None
    role: str | None = None  # actor: perpetrator, target
    count: int | None = None  # weapon: how many
    hypothetical: bool | None = None  # intent: "even if it was a mistake"
    value: str | None = None  # place: the governorate or region; time: ISO date or date-time
    parent: int | None = None
    parent_fingerprint: str | None = None
    # where the words carrying the value are inside the article text (for highlighting)
    span_start: int | None = None
    span_end: int | None = None
    rising: bool = False  # said as a rising toll: "the death toll rose to 48"
    scope: ClaimScope = "incident"

    @property
    def origin(self) -> str | None:
        """The last link of the speaker chain: who the claim finally comes from."""
        return self.speaker_chain[-1] if self.speaker_chain else self.speaker

    @property
    def says_not(self) -> bool:
        """Whether the claim reads as "not" its value. A denial (intent "denied") is said with a
        negation ("denied", "carried out no missions") and is flagged negated, but it reads as
        itself: "denied", not "not denied"."""
        return self.negated and not (self.kind == "intent" and self.canonical == "denied")

    def value_snapshot(self) -> dict[str, Any]:
        """The claim's value as a small JSON-ready object (verdict snapshots, exports)."""
        return {
            "kind": self.kind,
            **{
                name: getattr(self, name)
                for name in VALUE_FIELDS
                if getattr(self, name) not in (None, False)
            },
        }


class Event(BaseModel):
    """Articles about one incident. `key` keeps its identity across re-alignment."""

    id: int | None = None
    key: str
    label: str
    date_from: str | None = None
    date_to: str | None = None
    places: list[str] = Field(default_factory=list)
    article_ids: list[int] = Field(default_factory=list)


class ClaimGroup(BaseModel):
    """The claims inside one event that answer one question ("soldiers killed")."""

    id: int | None = None
    key: str
    event_id: int | None = None
    event_key: str = ""
    kind: ClaimKind
    label: str
    status: GroupStatus
    claim_ids: list[int] = Field(default_factory=list)
    status_changed_at: str | None = None


class Suggestion(BaseModel):
    """What the system suggests for a claim, with the reason; never a verdict."""

    claim_id: int
    verdict: VerdictName
    reason: str
    origins: list[str] = Field(default_factory=list)


class Verdict(BaseModel):
    """One entry of the append-only verdict history. `verdict` None means cleared."""

    id: int | None = None
    claim_id: int | None
    fingerprint: str
    reviewer: str
    verdict: VerdictName | None
    note: str | None = None
    at: str
    claim_quote: str
    claim_value: dict[str, Any] = Field(default_factory=dict)
