# planmgr — one place for what developers and CI run.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Python >= 3.12: PySide6 6.12 on 3.11 corrupts None's refcount and aborts (DESIGN.md §9).
PYTHON ?= $(shell tools/find-python)

.PHONY: run test lint pytest bench bundle i18n docs clean demo-large

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "找不到 Python 3.12 或更高版本（需要 python3.13、python3.12 或 pyenv 安装的版本）。 No Python >= 3.12 found." >&2; exit 1; fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/planmgr gui --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider
	$(MAKE) --no-print-directory lint

lint: $(STAMP)
	$(BIN)/ruff check src tests bench db/migrations tools
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run.py

# One-folder bundle in dist/planmgr, then its self-test (offscreen, in a temporary folder;
# see docs/packaging.md). Windows installer: docs/windows-build.md.
bundle: $(STAMP)
	$(BIN)/python -m pip install -q 'pyinstaller>=6.10,<7'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build_installer.spec
	dist/planmgr/planmgr --selftest
	@du -sh dist/planmgr

# The user guide's screenshots (docs/screenshots/*.png), offscreen; then checks that every
# image docs/用户手册.md shows exists (tools/make_docs.py).
docs: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/make_docs.py

i18n: $(STAMP)
	$(BIN)/python tools/i18n.py update
	$(BIN)/python tools/i18n.py release

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
