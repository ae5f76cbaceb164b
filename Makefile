# Two commands on a fresh clone: `make run` (site with demo content) and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
STAMP := $(VENV)/.installed

.PHONY: install run test test-fast browser-deps messages lint clean rehearse

install: $(STAMP) messages

$(STAMP): pyproject.toml
	@test -x $(PY) || { PYTHON=$$(bin/find-python) && echo "Using $$PYTHON" && $$PYTHON -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

messages: $(STAMP)
	@$(PY) bin/compile-messages

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Starting the task worker, the scheduler and the site on http://$(HOST):$(PORT)/ (Ctrl-C stops all)"
	@trap 'kill 0' EXIT INT TERM; \
	$(PY) manage.py db_worker --interval 1 --queue-name '*' & \
	$(PY) manage.py run_schedule & \
	$(PY) manage.py runserver $(HOST):$(PORT)

# One pytest worker per core, at most two (tests/conftest.py explains the grouping); -n 0 runs in one process.
WORKERS ?= auto
PARALLEL = -n $(WORKERS) --maxprocesses 2 --dist loadfile --no-loadscope-reorder

test: install
	$(PY) -m pytest $(PARALLEL) $(PYTEST_ARGS)

test-fast: install
	$(PY) -m pytest -m "not browser" $(PARALLEL) $(PYTEST_ARGS)

# Debian's chromium for the browser tests (needs root; `make test` skips them without it).
browser-deps:
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium; }

# The production shape rehearsed on loopback (benchmarks/rehearse.py, about 2 minutes; 4 the first time, when
# it builds its template database): Debian's varnish (installed here like the browser, needs root),
# PostgreSQL on 127.0.0.1:5432 and redis-server. Figures go to benchmarks/results/rehearsal-<date>.*
rehearse: install
	@command -v varnishd >/dev/null || test -x /usr/sbin/varnishd || { apt-get update -qq && apt-get install -y -qq varnish; }
	@pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not answering on 127.0.0.1:5432"; exit 1; }
	$(PY) benchmarks/rehearse.py

# Biome (JavaScript and CSS lint) is an npm dev tool, pinned in package-lock.json.
NODE_STAMP := node_modules/.installed

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

lint: install $(NODE_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	node_modules/.bin/biome check static/

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media .test-media staticfiles
