# Two commands for a fresh machine: `make run` and `make test`. The rest are their steps.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
FLASK := $(BIN)/flask --app nexus_board

.PHONY: run test install install-test vendor db demo lint format system-deps bench clean screenshots

## run: install, prepare the SQLite database with demo data, serve on http://127.0.0.1:5000
# The webhook worker runs beside the dev server (stopped with it): only the worker sends.
run: install vendor db demo
	$(FLASK) nexus worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(FLASK) run --host $(HOST) --port $(PORT)

## test: install what the tests need (chromium, Redis, PostgreSQL included), lint, run every test
# Two xdist workers: on two cores the suite takes about 18 minutes instead of 30.
test: system-deps install-test vendor lint
	$(BIN)/pytest -n 2

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

install-test: $(VENV)/.installed-test
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

# Front-end files come from the npm registry at install time; they are never committed.
vendor: static/vendor/.installed
static/vendor/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/
	mkdir -p static/vendor/swagger-ui
	cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css static/vendor/swagger-ui/
	mkdir -p static/vendor/graphiql
	cp node_modules/react/umd/react.production.min.js node_modules/react-dom/umd/react-dom.production.min.js \
		node_modules/graphiql/graphiql.min.js node_modules/graphiql/graphiql.min.css static/vendor/graphiql/
	touch $@

db: install
	$(FLASK) db upgrade

demo: db
	$(FLASK) nexus demo

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

system-deps:
	scripts/system-deps

## screenshots: docs/screenshots/ (hub, profile, board, contract, API page; light and dark)
screenshots: system-deps install-test vendor
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) node_modules static/vendor
