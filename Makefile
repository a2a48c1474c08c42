# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test setup compiled lint bench quality speed clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -U pip
	$(PY) -m pip install -q -e '.[dev,ray,testing]'
	touch $(STAMP)

## The compiled engine modules (Cython), rebuilt in place when their sources changed.
compiled: $(STAMP)
	$(PY) setup.py -q build_ext --inplace

setup: compiled

## Clean the bundled corpus into out/ and print a summary.
run: compiled
	$(VENV)/bin/cleaner clean corpus/seeds corpus/aeb/html -o out --force

## Set up and run the whole test suite (what CI runs): lint, types, then pytest.
test: compiled
	$(PY) tests/setup_browser.py
	$(VENV)/bin/ruff check cleaner tests benchmarks setup.py
	$(VENV)/bin/ruff format --check cleaner tests benchmarks setup.py
	$(VENV)/bin/mypy
	CLEANER_EXPECT_COMPILED=1 $(PY) -m pytest -q tests

lint: $(STAMP)
	$(VENV)/bin/ruff check cleaner tests benchmarks setup.py
	$(VENV)/bin/ruff format --check cleaner tests benchmarks setup.py
	$(VENV)/bin/mypy

quality: compiled
	$(PY) benchmarks/quality.py

speed: compiled
	$(PY) benchmarks/speed.py

bench: quality speed

clean:
	rm -rf $(VENV) out build cleaner/engine/charclasses.bin
	find cleaner -name '*.so' -o -name '*.pyd' -o -name '*.c' | xargs rm -f
