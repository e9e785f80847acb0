"""Report tests: a package, so its conftest imports as report.conftest (not the top conftest)."""
