# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# Two install stamps: `make run` installs only what cleaning needs (the package and its
# dependencies, no extra); `make test` adds the dev, ray and testing extras. Both build the
# compiled engine modules (Cython, see docs/building.md) at install and again when a compiled
# module's source changes.
RUN_STAMP  := $(VENV)/.installed-run
STAMP      := $(VENV)/.installed-test
# The compiled modules' sources (cleaner/engine/native.py lists them): an edit reinstalls.
COMPILED   := setup.py cleaner/engine/native.py cleaner/engine/segment.py cleaner/engine/scan.py \
              cleaner/engine/rules/prefilter.py cleaner/engine/decode.py

.PHONY: run test setup compiled lint bench quality structured speed clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -U pip

$(RUN_STAMP): pyproject.toml $(COMPILED) | $(VENV)/bin/python
	$(PY) -m pip install -q -e .
	touch $(RUN_STAMP)

$(STAMP): pyproject.toml $(COMPILED) | $(VENV)/bin/python
	$(PY) -m pip install -q -e '.[dev,ray,testing]'
	touch $(STAMP) $(RUN_STAMP)

setup: $(STAMP)

## The compiled engine modules, rebuilt in place (needs the dev extra's Cython).
compiled: $(STAMP)
	$(PY) setup.py -q build_ext --inplace

## Clean the bundled corpus into out/ and print a summary.
run: $(RUN_STAMP)
	$(VENV)/bin/cleaner clean corpus/seeds corpus/aeb/html -o out --force

## Set up and run the whole test suite (what CI runs): lint, types, then pytest.
test: compiled
	$(PY) tests/setup_browser.py
	$(VENV)/bin/ruff check cleaner tests benchmarks setup.py
	$(VENV)/bin/ruff format --check cleaner tests benchmarks setup.py
	$(VENV)/bin/mypy
	CLEANER_EXPECT_COMPILED=1 $(PY) -m pytest -q -n 2 tests

lint: $(STAMP)
	$(VENV)/bin/ruff check cleaner tests benchmarks setup.py
	$(VENV)/bin/ruff format --check cleaner tests benchmarks setup.py
	$(VENV)/bin/mypy

quality: compiled
	$(PY) benchmarks/quality.py

structured: compiled
	$(PY) benchmarks/structured.py

speed: compiled
	$(PY) benchmarks/speed.py

bench: quality speed

clean:
	rm -rf $(VENV) out build cleaner/engine/charclasses.bin
	find cleaner -name '*.so' -o -name '*.pyd' -o -name '*.c' | xargs rm -f
