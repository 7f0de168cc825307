# maatwerk — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VENDOR := maatwerk/web/static/vendor
ASSETS := $(VENDOR)/.installed

.PHONY: install run test bench lint lock clean

install: $(STAMP) $(ASSETS)

# Python packages from requirements.lock (exact versions, every file checked against its hash), then
# maatwerk itself without dependencies. After changing dependencies in pyproject.toml: make lock.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

lock: $(STAMP)
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --all-build-deps --extra test --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# Front-end assets from the npm registry (NL Design System / Utrecht CSS, htmx); no CDN at run time.
$(ASSETS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp node_modules/@utrecht/design-tokens/dist/index.css $(VENDOR)/utrecht-tokens.css
	cp node_modules/@utrecht/component-library-css/dist/index.css $(VENDOR)/utrecht-components.css
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx.min.js
	mkdir -p $(VENDOR)/noto-sans
	cp -r node_modules/@fontsource-variable/noto-sans/index.css node_modules/@fontsource-variable/noto-sans/files $(VENDOR)/noto-sans/
	touch $(ASSETS)

# Development mode (MAATWERK_DEV=1): development keys, SQLite in var/; production: docs/beheer.md.
# Beside maatwerk runs the demo OpenID Connect provider of the inwonerportaal on 127.0.0.1:8001
# (docs/portaal.md); e-mail to inwoners is written to var/mail/.
run: install
	MAATWERK_DEV=1 $(BIN)/maatwerk migrate --noinput -v 0
	MAATWERK_DEV=1 $(BIN)/maatwerk demo
	$(BIN)/python -m maatwerk.apps.oidc_demo serve & trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
	  MAATWERK_DEV=1 $(BIN)/maatwerk serve

test: install
	bin/test

bench: install
	MAATWERK_DEV=1 $(BIN)/python -m bench

lint: install
	$(BIN)/ruff check maatwerk tests bench

clean:
	rm -rf $(VENV) var build *.egg-info
