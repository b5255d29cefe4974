# One-word tooling. `make run` and `make test` are the README's two commands.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint bench schema clean browser

install: $(BIN)/kb

$(BIN)/kb: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(BIN)/kb

run: install
	$(BIN)/kb serve --host $(HOST) --port $(PORT)

test: install browser
	$(BIN)/pytest

# The widget's browser tests drive Debian's Chromium through Playwright (never a
# downloaded browser). Installed here when we can (root with apt-get, as in CI);
# elsewhere those tests skip and say how to get it.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Chromium for the browser tests: apt-get install chromium"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }; \
	  else \
	    echo "Chromium not found and cannot be installed here: the browser tests will be skipped"; \
	  fi; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy api indexer scripts deploy
	$(BIN)/kb schema --check

bench: install
	$(BIN)/python scripts/bench_index.py
	$(BIN)/python scripts/bench_match.py
	$(BIN)/python scripts/bench_http.py

schema: install
	$(BIN)/kb schema

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache .mypy_cache
