# healthaction — the commands a developer and CI use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test check lint typecheck bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

ASSETS := web/node_modules/.installed

# Front-end libraries (htmx, ECharts) from npm, served locally by whitenoise: no CDN at run time.
$(ASSETS): web/package.json
	cd web && npm install --no-audit --no-fund --loglevel=error
	touch $(ASSETS)

setup: $(STAMP) $(ASSETS)

run: setup
	$(BIN)/healthaction demo
	$(BIN)/healthaction serve

# The web tests run on SQLite, and again on PostgreSQL when TEST_DATABASE_URL is set (CI).
test: setup
	$(BIN)/python -m pytest
	if [ -n "$$TEST_DATABASE_URL" ]; then DATABASE_URL="$$TEST_DATABASE_URL" $(BIN)/python -m pytest web; fi

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: setup
	$(BIN)/mypy

check: lint typecheck test

bench: setup
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/engine.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
