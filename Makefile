# The two commands of the quick start: `make run` and `make test`.
# `make test PYTHON=/path/to/python3.13` runs the suite on another interpreter, in a
# virtual environment of its own (.venv-python3.13), leaving the default .venv alone;
# `make test TESTS="tests/bot tests/adapters/teams"` runs a part of the suite.
DEFAULT_PYTHON := python3.11
PYTHON ?= $(DEFAULT_PYTHON)
VENV ?= $(if $(filter $(DEFAULT_PYTHON),$(PYTHON)),.venv,.venv-$(notdir $(PYTHON)))
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TESTS ?=

.PHONY: run test lint bench clean

# Both Teams SDKs are installed: botbuilder-core (the default) and the Agents SDK (the
# `agents` extra), so that the tests hold both to the same behaviour.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,agents]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/klachtenbot serve

test: $(STAMP)
	$(BIN)/python -m pytest $(TESTS)

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf .venv .venv-* build *.egg-info
