# tradeleads: `make run` serves on http://127.0.0.1:8000 with SQLite under var/; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run migrate seed test check lint typecheck imports pytest clean postgres chromium lock translations

LOCK := requirements.lock

# Installs exactly what requirements.lock pins, each file checked against its hash; then the project itself.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --require-hashes -r $(LOCK)
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/tradeleads migrate

seed: migrate
	$(BIN)/tradeleads seed --demo --if-empty
	$(BIN)/tradeleads worker --once

run: seed
	$(BIN)/tradeleads serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy

# Which way imports run (scripts/check_imports.py). It fails `make check` when pyproject.toml's
# [tool.import-boundaries] says `enforce = true`; until then it prints what it finds. IMPORTS_FLAGS=--enforce forces it.
imports: install
	$(BIN)/python scripts/check_imports.py $(IMPORTS_FLAGS)

check: lint typecheck imports

chromium:
	@bash scripts/chromium.sh

pytest: install chromium
	$(BIN)/pytest $(PYTEST_ARGS)

test: check pytest

# Re-resolves every dependency to its newest version allowed by pyproject.toml, writes requirements.lock (with
# hashes) and runs the whole suite on it: commit the lock only when this passes.
lock:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --universal --python-version 3.11 \
		--upgrade --no-annotate --custom-compile-command "make lock" --quiet -o $(LOCK)
	$(BIN)/pip install -q --require-hashes -r $(LOCK)
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)
	$(MAKE) test

postgres:
	@bash scripts/postgres.sh

# The pages' gettext catalogs (app/http/locale.py): extract every marked string of app/ and templates/ (babel.cfg)
# into translations/messages.pot, merge it into each language's .po, then compile the .mo files, which are committed
# so a fresh clone serves every language without this step. Translate what is new or fuzzy in the .po files between
# the update and the compile (tests/http/test_language.py fails on an untranslated or fuzzy entry).
LANGUAGES := zh_Hans es
translations: install
	$(BIN)/pybabel -q extract -F babel.cfg -k lazy_gettext -k _l -k AppError -k forbidden -k conflict --add-location=file --sort-output --no-wrap \
		--project=tradeleads --copyright-holder="the tradeleads contributors" -o translations/messages.pot .
	@for lang in $(LANGUAGES); do \
		if [ -f translations/$$lang/LC_MESSAGES/messages.po ]; then \
			$(BIN)/pybabel -q update -i translations/messages.pot -d translations -l $$lang --no-wrap --ignore-obsolete; \
		else $(BIN)/pybabel init -i translations/messages.pot -d translations -l $$lang --no-wrap; fi; \
	done
	$(BIN)/pybabel compile -d translations --statistics

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
include scripts/opensearch.mk
include bench/bench.mk
include bench/matching.mk
