# newsgraph: `make run` sets up and runs the bundled examples; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run examples test install lint typecheck format clean

# `make run`: the bundled examples into a local corpus, what was found, then the web app
# (Ctrl-C stops it); `make run SERVE=0` or `make examples` stops before serving.
RUN_DB ?= .run/examples.db
SERVE ?= 1
PORT ?= 8000

run: examples
	@if [ "$(SERVE)" != 0 ]; then $(BIN)/newsgraph serve --db $(RUN_DB) --port $(PORT); fi

examples: $(INSTALLED)
	@mkdir -p $(dir $(RUN_DB))
	$(BIN)/newsgraph ingest --db $(RUN_DB) --quiet examples/*.txt
	$(BIN)/newsgraph quotes --db $(RUN_DB)
	$(BIN)/newsgraph people --db $(RUN_DB) --limit 10

test: $(INSTALLED) lint typecheck
	$(BIN)/pytest

lint: $(INSTALLED)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(INSTALLED)
	$(BIN)/mypy

format: $(INSTALLED)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

install: $(INSTALLED)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the project's dependencies change.
$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[html,ingest,corpus,web,ray,dev]'
	touch $@

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .run
