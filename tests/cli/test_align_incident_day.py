"""Events follow the incident, not the publication day: reports on later days that say when the
incident happened join its event; an unrelated incident of the same governorate does not. Articles
written for this test, ingested, extracted and aligned by the real `workbench` command."""

from __future__ import annotations

import json
from pathlib import Path

# A strike on Saturday 2016-05-14 in Saraqib (Idlib), reported again on Sunday and Monday, and
# shelling in Ariha, also in Idlib, on Sunday.
STRIKE = {
    "sat.txt": (
        "date 2016-05-14\nsource Levant Wire\n\nAir strike on Saraqib market kills 20\n\n"
        "Twenty civilians were killed when warplanes struck the vegetable market in Saraqib"
        " in Idlib province on Saturday, the Syrian Observatory for Human Rights said.\n"
    ),
    "sun.txt": (
        "date 2016-05-15\nsource Cedar Herald\n\nSaraqib market strike toll rises to 31\n\n"
        "The death toll from Saturday's air strike on the vegetable market in Saraqib in Idlib"
        " province rose to 31 on Sunday, the Syrian Observatory for Human Rights said.\n"
    ),
    "mon.txt": (
        "date 2016-05-16\nsource Gulf Daily Courier\n\nUN envoy condemns attack on Saraqib market"
        "\n\nThe UN envoy for Syria on Monday condemned Saturday's air strike on the vegetable"
        " market in Saraqib, in Idlib province, which a monitor said had killed at least 31"
        " civilians.\n"
    ),
}
OTHER = (
    "date 2016-05-15\nsource Northern Star Radio\n\nShelling kills five in Ariha\n\n"
    "Five people were killed when rebel shells hit a bakery in Ariha in Idlib province on Sunday,"
    " state television said.\n"
)


def write(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def events(run, db: Path) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    result = run("export", "--db", db)
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout)["events"])


def test_later_reports_of_saturdays_strike_join_its_event(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "w.db"
    folder = write(tmp_path / "in", {**STRIKE, "ariha.txt": OTHER})
    result = run("ingest", "--db", db, folder)
    assert result.returncode == 0, result.stderr
    titles = {a["id"]: a["title"] for a in json.loads(run("export", "--db", db).stdout)["articles"]}
    found = sorted(
        (e["date_from"], e["date_to"], sorted(titles[i] for i in e["article_ids"]))
        for e in events(run, db)
    )
    assert found == [
        (
            "2016-05-14",
            "2016-05-16",
            [
                "Air strike on Saraqib market kills 20",
                "Saraqib market strike toll rises to 31",
                "UN envoy condemns attack on Saraqib market",
            ],
        ),
        ("2016-05-15", "2016-05-15", ["Shelling kills five in Ariha"]),
    ]
    # one question across the three days: the toll rising from 20 to 31 is an update
    data = json.loads(run("export", "--db", db).stdout)
    strike = next(e["id"] for e in data["events"] if e["date_from"] == "2016-05-14")
    casualties = [g for g in data["groups"] if g["event_id"] == strike and g["kind"] == "casualty"]
    assert [(g["label"], g["status"], len(g["claim_ids"])) for g in casualties] == [
        ("civilians killed (and counts not saying who)", "update", 3)
    ]
    times = [g for g in data["groups"] if g["event_id"] == strike and g["kind"] == "time"]
    assert [g["status"] for g in times] == ["agree"]  # "rose to 31 on Sunday" is another moment


def test_window_zero_keeps_each_day_apart(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "w.db"
    assert run("ingest", "--db", db, write(tmp_path / "in", STRIKE)).returncode == 0
    assert len(events(run, db)) == 1
    assert run("align", "--db", db, "--window", "0").returncode == 0
    assert len(events(run, db)) == 3
