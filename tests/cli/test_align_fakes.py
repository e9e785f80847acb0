"""Event clustering on real articles: FA-KES dev through `workbench eval fakes`, run for real."""

from __future__ import annotations

from conftest import FAKES, need_fakes


def cells(line: str) -> list[str]:
    """The cells of an eval table row: the metric's name, then the all/even/odd cells, target."""
    name, _, rest = line.partition("  ")
    return [name.strip(), *rest.split()]


def test_event_pairs_on_fakes_dev_reach_the_target(run) -> None:  # type: ignore[no-untyped-def]
    need_fakes()
    result = run("eval", "fakes", FAKES)
    assert result.returncode == 0, result.stderr
    rows = {cells(line)[0]: cells(line)[1:] for line in result.stdout.splitlines()[2:]}
    f1 = rows["event pair F1"]
    assert float(f1[0]) >= 0.90, result.stdout  # all articles
    assert float(rows["event pair F1, held-out weeks"][0]) >= 0.88, result.stdout
    precision, recall = rows["event pair precision"][0], rows["event pair recall"][0]
    assert float(precision) >= 0.85 and float(recall) >= 0.90, result.stdout
    assert int(rows["events"][0]) > 200
    conflicts = rows["casualty groups in conflict"]
    assert 0.0 < float(conflicts[0]) < 0.5, result.stdout
