"""A deterministic synthetic corpus of news articles about incidents in the Syrian war.

Every article belongs to one invented incident (its *gold event*): a date, a real Syrian place, a
perpetrator, weapons and a death toll. Outlets report it over one to three days with the features
that make cross-verification hard: conflicting counts from different speakers (ministries,
monitors, state media, unnamed activists), tolls that rise ("the death toll rose to 48"), weapons
with counts ("two Su-24 jets"), intent claims (a mistake, deliberate, "even if it was a mistake",
denied), hedges ("at least", "reportedly"), wire copies (the same text under another outlet) and
filler paragraphs. Articles are about 2 kB.

The same seed gives the same corpus, byte for byte (one `random.Random(seed)`, no global state),
and the first k articles of a corpus of n are the first k of any larger one.

    python bench/corpus.py 1000 --seed 7 --output /tmp/corpus.jsonl --gold /tmp/gold.tsv

Library use: `generate(n, seed)` yields records (dicts); `write_jsonl(path, n, seed)` streams them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, TextIO

DATA = Path(__file__).with_name("corpus.toml")
FIRST_DAY = date(2012, 1, 1)
SPAN_DAYS = 8 * 365  # incidents fall between 2012 and 2019
ARTICLE_BYTES = 2000  # aim for about this much text per article
WIRE_COPY_P = 0.12  # chance that an article reprints an earlier one of its event verbatim

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


@cache
def words() -> dict[str, Any]:
    """The word lists and templates of corpus.toml."""
    with DATA.open("rb") as f:
        return tomllib.load(f)


def number_words(n: int) -> str:
    """English words for 0..99 ("sixty-two"); digits beyond."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return _TENS[tens] + ("-" + _UNITS[units] if units else "")
    return str(n)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


@dataclass
class Incident:
    """What really happened: the gold truth the articles report, each in its own way."""

    id: str
    day: date
    place: list[Any]  # [name, governorate, variants]
    site: str
    perpetrator: dict[str, Any]
    weapons: list[tuple[str, int]]
    subject: list[str]  # [words, class]
    first_toll: int
    final_toll: int
    injured: int
    children: int
    intent: str  # accidental, deliberate, hypothetical, denied, none
    articles: list[str] = field(default_factory=list)  # texts already written (wire copies)


class Writer:
    """Writes articles about incidents; all randomness comes from one `random.Random`."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.w = words()

    # -- incidents -------------------------------------------------------------------------------

    def incident(self, index: int) -> Incident:
        rng, w = self.rng, self.w
        perp = rng.choice(w["perpetrator"])
        n_weapons = rng.choice((1, 1, 2))
        weapons = [
            (key, rng.choice((1, 2, 2, 2, 3, 4, 6)))
            for key in rng.sample(perp["weapons"], n_weapons)
        ]
        first = rng.choice((3, 5, 7, 9, 12, 15, 18, 22, 27, 30, 41, 62))
        final = first + rng.choice((0, 0, 2, 4, 9, 15, 26))
        return Incident(
            id=f"E{self.seed}-{index:06d}",
            day=FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS)),
            place=rng.choice(w["places"]),
            site=rng.choice(w["sites"]),
            perpetrator=perp,
            weapons=weapons,
            subject=rng.choice(w["subjects"]),
            first_toll=first,
            final_toll=final,
            injured=final * rng.choice((1, 2, 3)) + rng.randrange(10),
            children=rng.randrange(1, max(2, final // 3)),
            intent=rng.choice(("accidental", "deliberate", "hypothetical", "denied", "none")),
        )

    # -- phrases ---------------------------------------------------------------------------------

    def count_phrase(self, n: int, *, hedged: bool = True) -> str:
        """A count as an article would write it, sometimes hedged or in words."""
        rng, w = self.rng, self.w
        roll = rng.random() if hedged else 0.4 + 0.6 * rng.random()
        if roll < 0.25:
            return f"{rng.choice(w['hedge_low'])} {n}"
        if roll < 0.32:
            return f"{rng.choice(w['hedge_high'])} {n + rng.randrange(1, 4)}"
        if roll < 0.40:
            return f"{rng.choice(w['hedge_about'])} {n}"
        if roll < 0.55 and n < 100:
            return number_words(n)
        if roll < 0.58 and n >= 24:
            return "dozens of" if n < 100 else "hundreds of"
        return f"{n:,}"

    def speaker(self, incident: Incident, kind: str | None = None) -> tuple[str, str]:
        """(who, kind): a ministry on the perpetrator's side, a monitor, state media, unnamed."""
        rng, w = self.rng, self.w
        kind = kind or rng.choice(("monitor", "monitor", "ministry", "state_media", "unnamed"))
        if kind == "ministry":
            return rng.choice(incident.perpetrator["ministry"]), kind
        return rng.choice(w["speakers"][kind]), kind

    def place_name(self, incident: Incident) -> str:
        name, _, variants = incident.place
        if variants and self.rng.random() < 0.25:
            return str(self.rng.choice(variants))
        return str(name)

    def when(self, day: date) -> str:
        name = self.w["days"][day.weekday()]
        return self.rng.choice(self.w["when"]).format(day=name)

    def fill(self, template: str, **values: Any) -> str:
        """Fill a template; `Sc`, `Count`, `Perp`... are the capitalised forms of the values."""
        caps = {k[0].upper() + k[1:]: _cap(str(v)) for k, v in values.items() if k[0].islower()}
        if "S" in values:
            caps["Sc"] = _cap(str(values["S"]))
        return template.format(**values, **caps)

    # -- articles --------------------------------------------------------------------------------

    def article(self, incident: Incident, day_offset: int, outlet: str) -> tuple[str, str]:
        """(title, text) of one article published `day_offset` days after the incident."""
        rng, w, t = self.rng, self.w, self.w["templates"]
        published = incident.day + timedelta(days=day_offset)
        place = self.place_name(incident)
        # the toll known by the day of publication: it rises over the days
        span = incident.final_toll - incident.first_toll
        toll = incident.first_toll + span * min(day_offset, 3) // 3
        speaker, kind = self.speaker(incident)
        reported = toll
        if kind == "ministry":  # the side accused gives a lower figure
            reported = max(1, toll // rng.choice((2, 3, 4)))
        elif kind == "state_media":
            reported = max(1, toll - rng.randrange(0, 6))
        elif kind == "unnamed":
            reported = toll + rng.randrange(-2, 5)
        subject, _ = incident.subject
        base = dict(
            subject=subject,
            place=place,
            site=incident.site,
            when=self.when(incident.day),
            perp=rng.choice(incident.perpetrator["names"]),
            possessive=incident.perpetrator["possessive"],
            outlet=outlet,
            relay=rng.choice(incident.perpetrator["relay"]),
            children=incident.children,
            women=max(1, incident.children // 2),
        )
        paragraphs: list[str] = []
        lead = self.fill(
            rng.choice(t["lead"]), S=speaker, count=self.count_phrase(reported), **base
        )
        if rng.random() < 0.15:
            lead = lead.replace(" were killed", f" were {rng.choice(w['reported'])} killed", 1)
        paragraphs.append(lead)
        if day_offset > 0 and span > 0:
            s2, _ = self.speaker(incident, "monitor")
            paragraphs.append(
                self.fill(
                    rng.choice(t["rising"]),
                    S=s2,
                    n=toll,
                    when2=self.when(published),
                    day2=w["days"][published.weekday()],
                    **base,
                )
            )
        paragraphs.append(self.weapons_paragraph(incident, base))
        if rng.random() < 0.55:  # a second speaker with a different figure
            s3, kind3 = self.speaker(incident)
            if kind3 == "ministry" and rng.random() < 0.5:
                paragraphs.append(self.fill(rng.choice(t["denial"]), S=s3, **base))
            else:
                other = toll + rng.choice((-5, -3, 2, 4, 8, 11)) if toll > 6 else toll + 3
                paragraphs.append(
                    self.fill(
                        rng.choice(t["second"]),
                        S=s3,
                        count=self.count_phrase(other, hedged=False),
                        **base,
                    )
                )
        if rng.random() < 0.5:
            s4, _ = self.speaker(incident, rng.choice(("monitor", "unnamed")))
            paragraphs.append(
                self.fill(
                    rng.choice(t["injured"]),
                    S=s4,
                    count=self.count_phrase(incident.injured),
                    n=incident.injured,
                    **base,
                )
            )
        if rng.random() < 0.3:
            s5, _ = self.speaker(incident, "monitor")
            paragraphs.append(self.fill(rng.choice(t["children"]), S=s5, **base))
        intent = self.intent_paragraph(incident, base)
        if intent:
            paragraphs.append(intent)
        extra = dict(base, when2=self.when(published), org=rng.choice(w["organisations"]))
        for family in ("witness", "response", "aftermath"):
            if rng.random() < 0.6:
                paragraphs.insert(
                    rng.randrange(1, len(paragraphs) + 1), self.fill(rng.choice(t[family]), **extra)
                )
        filler = rng.sample(t["filler"], 9)
        target = ARTICLE_BYTES + rng.randrange(-300, 300)
        while filler and sum(len(p) + 2 for p in paragraphs) < target:
            paragraphs.insert(rng.randrange(2, len(paragraphs) + 1), filler.pop())
        short = {"monitor": "monitor", "ministry": "ministry", "state_media": "state media"}
        title = self.fill(
            rng.choice(t["title"]),
            count=reported,
            short=short.get(kind, "activists"),
            **{k: v for k, v in base.items() if k != "when"},
        )
        return title, "\n\n".join(paragraphs)

    def weapons_paragraph(self, incident: Incident, base: dict[str, Any]) -> str:
        rng, t = self.rng, self.w["templates"]
        sentences = []
        for key, count in incident.weapons:
            singular, plural, verb = self.w["weapons"][key]
            speaker, _ = self.speaker(incident)
            if count == 1:
                sentences.append(
                    self.fill(
                        rng.choice(t["weapon_one"]),
                        S=speaker,
                        wsingular=singular,
                        wverb=verb,
                        **base,
                    )
                )
            else:
                shown = count + (rng.choice((0, 0, 0, 1, 2)) if count > 1 else 0)
                template = rng.choice(t["weapon"])
                as_words = rng.random() < 0.7 or template.startswith("{Wcount}")
                wcount = number_words(shown) if as_words else str(shown)
                sentences.append(
                    self.fill(
                        template,
                        S=speaker,
                        wcount=wcount,
                        wplural=plural,
                        wverb=verb,
                        **base,
                    )
                )
        return " ".join(sentences)

    def intent_paragraph(self, incident: Incident, base: dict[str, Any]) -> str | None:
        rng, t = self.rng, self.w["templates"]
        if incident.intent == "none" or rng.random() < 0.35:
            return None
        if incident.intent in ("accidental", "denied"):
            speaker, _ = self.speaker(incident, "ministry")
        else:
            speaker, _ = self.speaker(incident, rng.choice(("monitor", "state_media", "unnamed")))
        sentence = self.fill(rng.choice(t[f"intent_{incident.intent}"]), S=speaker, **base)
        if incident.intent == "accidental" and rng.random() < 0.5:  # the other side disagrees
            other, _ = self.speaker(incident, "monitor")
            sentence += " " + self.fill(rng.choice(t["intent_deliberate"]), S=other, **base)
        return sentence


def generate(n: int, seed: int = 0, *, gold: bool = False) -> Iterator[dict[str, Any]]:
    """Yield `n` article records: id, source, date, title, url, text (and gold_event if asked)."""
    writer = Writer(seed)
    rng, outlets = writer.rng, writer.w["outlets"]
    made = 0
    index = 0
    while made < n:
        incident = writer.incident(index)
        index += 1
        k = rng.choice((2, 3, 4, 5, 6, 6, 7, 8, 9, 10, 12))
        used: list[str] = []
        written: list[tuple[str, str, int]] = []  # (title, text, day offset)
        for _ in range(min(k, n - made)):
            outlet = rng.choice([o for o in outlets if o not in used] or outlets)
            used.append(outlet)
            if written and rng.random() < WIRE_COPY_P:  # wire copy: the same text, another outlet
                title, text, offset = rng.choice(written)
            else:
                offset = rng.choice((0, 0, 0, 1, 1, 2, 3))
                title, text = writer.article(incident, offset, outlet)
                written.append((title, text, offset))
            published = incident.day + timedelta(days=offset)
            made += 1
            slug = outlet.lower().replace(" ", "")
            record: dict[str, Any] = {
                "id": f"syn{seed}-{made:07d}",
                "source": outlet,
                "date": published.isoformat(),
                "title": title,
                "url": f"https://{slug}.example/{published:%Y/%m/%d}/{made}",
                "text": text,
            }
            if gold:
                record["gold_event"] = incident.id
            yield record


def write_jsonl(
    path: str | Path, n: int, seed: int = 0, *, gold_path: str | Path | None = None
) -> int:
    """Stream `n` records to a JSONL file (and `id<TAB>gold_event` lines to `gold_path`)."""
    with Path(path).open("w", encoding="utf-8") as out:
        gold_out: TextIO | None = None
        if gold_path is not None:
            gold_out = Path(gold_path).open("w", encoding="utf-8")
        try:
            count = 0
            for record in generate(n, seed, gold=True):
                event = record.pop("gold_event")
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                if gold_out is not None:
                    gold_out.write(f"{record['id']}\t{event}\n")
                count += 1
        finally:
            if gold_out is not None:
                gold_out.close()
    return count


def write_files(folder: str | Path, files: int, per_file: int, seed: int = 0) -> list[Path]:
    """Spread `files * per_file` records over `files` JSONL files (ingest fault tests)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    records = generate(files * per_file, seed)
    paths = []
    for i in range(files):
        path = folder / f"part-{i:04d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for _ in range(per_file):
                out.write(json.dumps(next(records), ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", "-o", help="JSONL file to write (default: stdout)")
    parser.add_argument("--gold", help="also write id<TAB>gold_event lines here")
    args = parser.parse_args(argv)
    if args.output:
        write_jsonl(args.output, args.n, args.seed, gold_path=args.gold)
        return 0
    if args.gold:
        parser.error("--gold needs --output")
    for record in generate(args.n, args.seed):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
