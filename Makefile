# One task runner that mirrors CI: `make demo` and `make test` work on a fresh machine
# with only Python (>= 3.11) and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test test-postgres lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/vigil demo

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

# Both passes: registries as SQLite files, then as PostgreSQL databases (test-postgres).
test: lint
	$(BIN)/python -m pytest
	$(MAKE) --no-print-directory test-postgres

# The suite again with every registry a database of its own on the PostgreSQL server that
# VIGIL_TEST_POSTGRES names (.ci/postgres starts one and prints its URL; .ci/run sets it).
# The browser tests stay on the SQLite pass. Without a server the pass is skipped, saying so,
# except under CI=true, where that would hide a broken install.
test-postgres: $(VENV)/.installed
	@if [ -n "$$VIGIL_TEST_POSTGRES" ]; then \
	    VIGIL_TEST_BACKEND=postgresql $(BIN)/python -m pytest -m "not browser"; \
	elif [ "$$CI" = "true" ]; then \
	    echo "test-postgres: VIGIL_TEST_POSTGRES is not set (.ci/run sets it)" >&2; exit 1; \
	else \
	    echo "test-postgres: SKIPPED, no server: export VIGIL_TEST_POSTGRES=\"\$$(.ci/postgres)\""; \
	fi

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/memory_book.py
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) demo/ .pytest_cache
