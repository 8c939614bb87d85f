# livebrief: `make` (or `make help`) lists the targets. Each target's `## ` comment is its help.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.livebrief-installed
SAMPLE := samples/000_fd0f76058283f76d.txt
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help venv sysdeps test lint bench sample briefing lab

help: ## list the targets (the default)
	@echo "usage: make TARGET"
	@echo
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# --- Set-up -----------------------------------------------------------------------------------

venv: $(STAMP) ## create .venv and install livebrief with its test and lab extras (once)

sysdeps: ## install the Debian packages that are missing (PDF engine, fonts, Chromium, poppler)
	@bash tools/install-system-packages.sh

# Redone only when pyproject.toml changes (the stamp is older) or .venv is removed.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -e '.[test,lab]'
	touch $@

# --- Checks -----------------------------------------------------------------------------------

test: sysdeps $(STAMP) ## run the test suite (PYTEST_ARGS="-k cli -x" to narrow it)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP) ## ruff check, ruff format --check and mypy (strict)
	$(BIN)/ruff check lib tests benchmarks
	$(BIN)/ruff format --check lib tests benchmarks
	$(BIN)/mypy

bench: $(STAMP) ## run every benchmark in benchmarks/ (numbers go in docs/performance.md)
	@set -e; scripts="$(wildcard benchmarks/*.py)"; \
	if [ -z "$$scripts" ]; then echo "no benchmarks in benchmarks/ yet"; fi; \
	for script in $$scripts; do echo "== $$script"; $(BIN)/python $$script; done

# --- Outputs (written under reports/, which git ignores) -------------------------------------

sample: $(STAMP) ## parse the bundled sample into reports/sample/entries.json
	mkdir -p reports/sample
	$(BIN)/livebrief parse $(SAMPLE) --output reports/sample/entries.json
	@echo "wrote reports/sample/entries.json"

# --- Briefings --------------------------------------------------------------------------------

briefing: sysdeps $(STAMP) ## brief the bundled sample: reports/<page-slug>/briefing.html and .pdf
	$(BIN)/livebrief report $(SAMPLE) --out reports --format html,pdf

lab: $(STAMP) ## open JupyterLab on notebooks/ to read, change and rerun the briefing notebook
	$(BIN)/jupyter lab --notebook-dir=notebooks $$([ "$$(id -u)" = 0 ] && echo --allow-root)
