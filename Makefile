# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# Two install stamps: `make run` installs only what cleaning needs (the package and its
# dependencies, no extra); `make test` adds the dev, ray and testing extras.
RUN_STAMP  := $(VENV)/.installed-run
STAMP      := $(VENV)/.installed-test

.PHONY: run test setup lint bench quality structured speed clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -U pip

$(RUN_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q -e .
	touch $(RUN_STAMP)

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q -e '.[dev,ray,testing]'
	touch $(STAMP) $(RUN_STAMP)

setup: $(STAMP)

## Clean the bundled corpus into out/ and print a summary.
run: $(RUN_STAMP)
	$(VENV)/bin/cleaner clean corpus/seeds corpus/aeb/html -o out --force

## Set up and run the whole test suite (what CI runs): lint, types, then pytest.
test: $(STAMP)
	$(PY) tests/setup_browser.py
	$(VENV)/bin/ruff check cleaner tests benchmarks
	$(VENV)/bin/ruff format --check cleaner tests benchmarks
	$(VENV)/bin/mypy
	$(PY) -m pytest -q tests

lint: $(STAMP)
	$(VENV)/bin/ruff check cleaner tests benchmarks
	$(VENV)/bin/ruff format --check cleaner tests benchmarks
	$(VENV)/bin/mypy

quality: $(STAMP)
	$(PY) benchmarks/quality.py

structured: $(STAMP)
	$(PY) benchmarks/structured.py

speed: $(STAMP)
	$(PY) benchmarks/speed.py

bench: quality structured speed

clean:
	rm -rf $(VENV) out
