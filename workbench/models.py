"""The nouns of the workbench as pydantic models: what crosses a boundary (file, store, export)."""

from __future__ import annotations

from typing import Any

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
