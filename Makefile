# Catalog: the two commands a new user needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test test-fast lint bench clean stress package install-desktop screenshots translations

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip >/dev/null
	$(BIN)/python -m pip install -e '.[dev]'
	touch $(STAMP)

# The interface's translations: resources/translations/catalog_<language>.ts, written by
# people; the .qm files the program loads are compiled from them (not kept in git).
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

$(QM): %.qm: %.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Extract the interface's strings into every .ts (new ones come in unfinished, gone ones
# are dropped), then compile them. Translate the unfinished ones with pyside6-linguist.
translations: install
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none -extensions py src/catalog -ts $(TS)
	for ts in $(TS); do $(BIN)/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm; done

run: install $(QM)
	$(BIN)/catalog

# One worker per core (pytest-xdist): each has its own home folder and PostgreSQL template.
test: install $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto

test-fast: install $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow and not postgres" -q

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: install
	$(BIN)/python -m benchmarks.corpus_imports
	$(BIN)/python -m benchmarks.export_bench
	$(BIN)/python -m benchmarks.live_bench
	$(BIN)/python -m benchmarks.pg_bench
	$(BIN)/python -m benchmarks.run --sizes 10000,100000,1000000 --output docs/performance.md

# Crash safety: kill the real program at random moments, 200 trials per test (override
# with CATALOG_STRESS_TRIALS=n), then rewrite the figures in docs/reliability.md.
stress: install
	CATALOG_STRESS_TRIALS=$${CATALOG_STRESS_TRIALS:-200} CATALOG_STRESS_RESULTS=$(CURDIR)/tests/reliability/results \
	  $(BIN)/pytest tests/reliability -q
	$(BIN)/python -m tests.reliability.report

# A one-folder application in dist/catalog/ (PyInstaller, work files in build/), then a
# smoke check of the built program (packaging/smoke.py). See packaging/README.md.
package: install $(QM)
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build packaging/catalog.spec
	$(BIN)/python packaging/smoke.py dist/catalog/catalog

# The desktop entry, icon, AppStream metainfo and MIME type of the native JSON export, in
# $(XDG_DATA_HOME) (default ~/.local/share). The entry starts CATALOG_EXEC (default: the
# catalog on PATH; e.g. CATALOG_EXEC=$(CURDIR)/dist/catalog/catalog for the built app).
CATALOG_EXEC ?= catalog
install-desktop:
	$(if $(XDG_DATA_HOME),XDG_DATA_HOME="$(XDG_DATA_HOME)") $(PYTHON) packaging/install_desktop.py --exec "$(CATALOG_EXEC)"

# The user guide's pictures (docs/images/*.png), taken from the real window offscreen.
screenshots: install
	$(BIN)/python tools/screenshots.py --output docs/images

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache src/*.egg-info
