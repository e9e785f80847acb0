"""Saved web pages (.html, .htm): the visible article text, its title and its date.

Scripts, styles, navigation, headers, footers, asides and forms are dropped. When the page has an
`<article>` (or `<main>`) element, only its text is taken. Title from `<h1>`, else `<title>`; date
from `article:published_time`, `date`-like meta tags, or the first `<time datetime>`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from workbench.ingest.files import read_text
from workbench.ingest.records import BadRecord, Options, RawRecord

HIDDEN = {
    "script", "style", "noscript", "template", "svg", "nav", "footer", "header", "aside",
    "form", "button", "select", "iframe", "object", "canvas", "figure", "head",
}  # fmt: skip
BLOCKS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "blockquote", "pre", "table", "tr", "br", "hr", "dd", "dt", "figcaption", "body",
}  # fmt: skip
VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"}
DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
)
SOURCE_META = ("og:site_name", "publisher", "article:publisher", "application-name")


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden_depth = 0
        self.stack: list[str] = []
        self.parts: dict[str, list[str]] = {"page": [], "article": []}
        self.article_depth = 0
        self.in_title = False
        self.title = ""
        self.h1: list[tuple[bool, list[str]]] = []  # (inside the article, pieces)
        self.in_h1 = 0
        self.meta: dict[str, str] = {}
        self.times: list[str] = []

    def _emit(self, s: str) -> None:
        if self.hidden_depth:
            return
        self.parts["page"].append(s)
        if self.article_depth:
            self.parts["article"].append(s)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"])
            return
        if tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"])
        if tag == "title":
            self.in_title = True
        if tag in VOID:
            if tag in BLOCKS:
                self._emit("\n")
            return
        self.stack.append(tag)
        hidden = tag in HIDDEN and not (tag == "header" and self.article_depth)
        if hidden or "hidden" in a or a.get("aria-hidden") == "true":
            self.stack[-1] = tag + "#hidden"
            self.hidden_depth += 1
        if tag in ("article", "main"):
            self.article_depth += 1
        if tag == "h1" and not self.hidden_depth:
            self.in_h1 += 1
            self.h1.append((self.article_depth > 0, []))
        if tag in BLOCKS:
            self._emit("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in VOID or (tag not in self.stack and tag + "#hidden" not in self.stack):
            return
        # close everything opened after `tag` too (browsers forgive unclosed tags)
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag.endswith("#hidden"):
                open_tag = open_tag.removesuffix("#hidden")
                self.hidden_depth = max(0, self.hidden_depth - 1)
            if open_tag in BLOCKS:
                self._emit("\n\n")
            if open_tag in ("article", "main"):
                self.article_depth = max(0, self.article_depth - 1)
            if open_tag == "h1":
                self.in_h1 = max(0, self.in_h1 - 1)
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.in_h1 and not self.hidden_depth and self.h1:
            self.h1[-1][1].append(data)
        self._emit(data)


def _tidy(parts: list[str]) -> str:
    """Join text pieces: runs of spaces to one, paragraphs separated by one blank line."""
    text = "".join(parts).replace("\xa0", " ")
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        line = " ".join(block.split())
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def parse_page(html: str) -> dict[str, str]:
    """Fields of the article a page holds: text, title, date, source when found."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    article = _tidy(parser.parts["article"])
    text = article if len(article) >= 80 else _tidy(parser.parts["page"])
    fields = {"text": text}
    headings = [" ".join("".join(p).split()) for inside, p in parser.h1 if inside]
    headings += [" ".join("".join(p).split()) for inside, p in parser.h1 if not inside]
    title = next((h for h in headings if h), "") or " ".join(parser.title.split())
    if title:
        fields["title"] = title
        head, sep, rest = text.partition("\n\n")
        if head == title and rest:  # the headline is the title, not part of the article text
            fields["text"] = rest
    for key in DATE_META:
        if parser.meta.get(key, "").strip():
            fields["date"] = parser.meta[key].strip()
            break
    else:
        if parser.times:
            fields["date"] = parser.times[0].strip()
    for key in SOURCE_META:
        if parser.meta.get(key, "").strip():
            fields["source"] = parser.meta[key].strip()
            break
    for key in ("og:url", "canonical"):
        if parser.meta.get(key):
            fields["url"] = parser.meta[key].strip()
            break
    return fields


def read(path: Path, options: Options) -> Iterator[RawRecord | BadRecord]:
    html, redecoded = read_text(path, 4 * options.max_article_bytes)
    fields = parse_page(html)
    if not fields["text"]:
        yield BadRecord(1, "no visible article text in the page", line=1, offset=len(html))
        return
    yield RawRecord(1, fields, redecoded, line=1, offset=len(html))
