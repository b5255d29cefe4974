# One-word tooling. `make run` and `make test` are the README's two commands.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint bench schema clean

install: $(BIN)/kb

$(BIN)/kb: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(BIN)/kb

run: install
	$(BIN)/kb serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy api indexer scripts
	$(BIN)/kb schema --check

bench: install
	$(BIN)/python scripts/bench_index.py
	$(BIN)/python scripts/bench_match.py
	$(BIN)/python scripts/bench_http.py

schema: install
	$(BIN)/kb schema

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache .mypy_cache
