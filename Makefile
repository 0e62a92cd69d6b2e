# The README's two commands:
#   make demo   set up, start local chains, deploy, exercise, print the tables, stop
#   make test   set up, run the whole `ape test` suite, then the gas check
# Both are idempotent: setup steps re-run only when their inputs change.
# And for working by hand:
#   make shell  a shell where every README `ape run ...` command works (ape and anvil on PATH)
#   make up     the four local chains with the suite deployed, kept running until Ctrl-C

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := .make
export PATH := $(CURDIR)/node_modules/.bin:$(CURDIR)/$(BIN):$(PATH)
export HYPOTHESIS_PROFILE ?= ci
# ape-vyper's settings model warns on every start; it is not ours to fix
export PYTHONWARNINGS := ignore::UserWarning

.PHONY: setup demo test test-fast gas gas-check compile clean shell up

setup: $(STAMP)/python $(STAMP)/node $(STAMP)/activate

$(STAMP)/python: requirements.txt pyproject.toml
	@mkdir -p $(STAMP)
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=/path/to/python3.11'"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(STAMP)/node: package.json package-lock.json
	@mkdir -p $(STAMP)
	@# npm 11 `npm ci` rejects a lock that lists only this platform's anvil binary; install honours the exact pin
	npm install --no-audit --no-fund --loglevel=error
	node_modules/.bin/anvil --version >/dev/null
	@touch $@

# `source .venv/bin/activate` alone then makes the README's commands work in a fresh shell: the venv
# puts ape on PATH, and these lines add anvil (node_modules/.bin) and quiet ape-vyper's start-up warning.
# `deactivate` restores the PATH from before activation, so it undoes these too.
$(STAMP)/activate: $(STAMP)/python Makefile
	@grep -q '^# fivefold:' $(BIN)/activate || printf '%s\n' \
	  '# fivefold: anvil from node_modules/.bin, and no ape-vyper start-up warning (added by make setup)' \
	  'PATH="$(CURDIR)/node_modules/.bin:$$PATH"; export PATH' \
	  'PYTHONWARNINGS="ignore::UserWarning"; export PYTHONWARNINGS' >> $(BIN)/activate
	@touch $@

shell: setup
	@echo "fivefold shell: ape and anvil are on PATH (type exit to leave)"
	@VIRTUAL_ENV=$(CURDIR)/$(VENV) $${SHELL:-/bin/bash} -i

up: setup
	$(BIN)/ape run demo --keep --no-exercise

compile: setup
	$(BIN)/ape compile

demo: setup
	$(BIN)/ape run demo

test: setup
	$(BIN)/ape test tests -q
	$(BIN)/ape run forks -q
	$(BIN)/ape run gas --check

gas: setup
	$(BIN)/ape run gas

gas-check: setup
	$(BIN)/ape run gas --check

clean:
	rm -rf .build $(STAMP) .hypothesis
