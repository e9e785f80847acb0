"""Lining claims up across articles: events, claim groups, agreement, origins, suggestions.

One module per idea: `profiles` (what an article says about its incident), `events` (clustering
articles into incidents), `origins` (who a claim comes from; source independence), `groups` (one
group per question inside an event), `agreement` (how answers relate; group status),
`suggestions` (a suggested verdict per claim), `run` (`align`, reading and writing the store),
`evaluate` (event-pair scores against labelled data) and `lexicon` (words.toml).
"""

from workbench.align.run import DEFAULT_WINDOW_DAYS, AlignReport, align, compute_alignment

__all__ = ["DEFAULT_WINDOW_DAYS", "AlignReport", "align", "compute_alignment"]
