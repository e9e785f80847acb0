# Two commands on a fresh machine with Python 3.11+ and make:  make demo  /  make test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test check install bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/workbench demo --db demo.db

check: $(STAMP)
	$(BIN)/ruff format --check workbench tests bench
	$(BIN)/ruff check workbench tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test: check
	$(BIN)/python -m pytest -q

# the bench extra (quantulum3, numpy) stays out of the runtime dependencies; SIZES=1000 for a quick run
SIZES ?= 1000,10000
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py --sizes $(SIZES)

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm build dist *.egg-info
