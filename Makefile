# One-word tooling. `make run` and `make test` are the README's two commands.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint bench schema clean browser services

install: $(BIN)/kb

$(BIN)/kb: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# compat: a plain path entry instead of an import hook, which cost every `kb` run 20 ms.
	$(BIN)/python -m pip install --quiet -e '.[dev]' --config-settings editable_mode=compat
	# Bytecode now, even where PYTHONDONTWRITEBYTECODE is set: a one-shot `kb match` should not compile its modules.
	$(BIN)/python -m compileall -q api indexer
	touch $(BIN)/kb

run: install
	$(BIN)/kb serve --host $(HOST) --port $(PORT)

test: install browser services
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

# The shared-store and replica tests run PostgreSQL, Redis, HAProxy and wrk on loopback
# (Debian's packages; deploy/replicas.py starts them). Installed here when we can (root
# with apt-get, as in CI); elsewhere those tests skip and say which package is missing.
services:
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	command -v haproxy >/dev/null 2>&1 || missing="$$missing haproxy"; \
	command -v wrk >/dev/null 2>&1 || missing="$$missing wrk"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing for the replica tests: apt-get install$$missing"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -qq --no-install-recommends $$missing >/dev/null 2>&1 || \
	      { apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; }; \
	  else \
	    echo "Not installed:$$missing; the tests that need them will be skipped"; \
	  fi; \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy api indexer scripts deploy
	$(BIN)/kb schema --check

# Scale: the real knowledge base, then generated ones of SCALE_SIZES problems, beside bm25s.
# `make bench SCALE_SIZES=1000,10000,100000` adds the 100k size the targets are set at (long today).
SCALE_SIZES ?= 1000,10000

bench: install
	$(BIN)/python scripts/bench_index.py
	$(BIN)/python scripts/bench_match.py
	$(BIN)/python scripts/bench_adversarial.py
	$(BIN)/python scripts/bench_http.py
	$(BIN)/python scripts/bench_scale.py --sizes $(SCALE_SIZES)

schema: install
	$(BIN)/kb schema

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache .mypy_cache
