"""Claim extraction: articles -> claims (casualty counts, weapons, actors, intent, places, times).

Rule-based and deterministic: no network, no model. `extract_claims(article)` is pure (the same
text gives the same claims, fingerprints included); `extract_articles(store)` runs it over the
articles not yet extracted and saves the claims. One module per idea: sentences, numbers,
casualties, weapons, actors, intent, places, times, attribution, hedges; word lists in
`lexicon/*.toml`, read once per process by `lexicon`.
"""

from workbench.extract.article import extract_claims, fingerprint
from workbench.extract.run import ExtractProgress, ExtractReport, extract_articles

__all__ = ["ExtractProgress", "ExtractReport", "extract_articles", "extract_claims", "fingerprint"]
