# Two commands do everything on a fresh clone: `make run` and `make test`.
# Each creates .venv and installs the pinned dependencies when they are missing or changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit unit-postgresql build self-check-frozen bench demo clean

$(STAMP): pyproject.toml requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

## Start the app (creates the database in the user's data folder on first start). On Linux/X11 it
## first names the system libraries Qt's xcb plugin lacks, with the apt command to install them.
run: $(STAMP)
	@$(BIN)/python packaging/check_xcb.py
	$(BIN)/kinerja-desktop $(ARGS)

## The whole test suite: lint, types, layer rules and tests (offscreen), then the service
## tests again on a throw-away PostgreSQL server (skipped, with the reason, where none starts).
test: lint typecheck unit unit-postgresql

lint: $(STAMP)
	$(BIN)/ruff check kinerja_desktop tests benchmarks packaging
	$(BIN)/ruff format --check kinerja_desktop tests benchmarks packaging

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

## The database-generic tests (every service) on PostgreSQL: each test gets a fresh database on
## a server the tests start themselves (tests/postgres_server.py). Tests about SQLite's file are
## marked sqlite_only and skipped, as is everything when PostgreSQL cannot start: -rs prints why.
PG_TESTS ?= tests/services
unit-postgresql: $(STAMP)
	KINERJA_TEST_DB=postgresql QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -rs $(PG_TESTS) $(PYTEST_ARGS)

## One-folder app with PyInstaller in dist/kinerja-desktop, then its self-check.
build: $(STAMP)
	$(BIN)/python -m pip install --quiet pyinstaller==6.22.3
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	QT_QPA_PLATFORM=offscreen dist/kinerja-desktop/kinerja-desktop --self-check

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_foundation.py
	$(BIN)/python benchmarks/bench_skp.py
	$(BIN)/python benchmarks/bench_print.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
