"""The core (models, store, ingest, extract, align, report) imports no UI, CLI, textual or
rich."""

import subprocess
import sys

import pytest

CORE = [
    "workbench.models",
    "workbench.dates",
    "workbench.store",
    "workbench.ingest",
    "workbench.ingest.csvfile",
    "workbench.ingest.html",
    "workbench.ingest.jsonfile",
    "workbench.ingest.text",
    "workbench.extract",
    "workbench.extract.article",
    "workbench.extract.run",
    "workbench.extract.evaluate",
    "workbench.report",
    "workbench.report.export_json",
    "workbench.report.markdown",
    "workbench.report.html",
    "workbench.report.csvfile",
    "workbench.report.claimreview",
    "workbench.report.agreement",
    "workbench.store.reports",
    "workbench.review",
    "workbench.store.review",
    "workbench.align",
    "workbench.align.events",
    "workbench.align.groups",
    "workbench.align.agreement",
    "workbench.align.origins",
    "workbench.align.suggestions",
]
FORBIDDEN = ["workbench.cli", "workbench.tui", "textual", "rich"]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_ui(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {{'textual', 'rich'}}"
        f" or m.startswith(('workbench.cli', 'workbench.tui'))]\n"
        "print(','.join(sorted(bad)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"{module} pulls in {result.stdout.strip()}"
