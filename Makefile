# maatwerk — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: install
	$(BIN)/maatwerk indiceer examples/situaties/01-alleenstaande-basis.yaml

test: install
	bin/test

bench: install
	$(BIN)/python -m bench

lint: install
	$(BIN)/ruff check maatwerk tests bench

clean:
	rm -rf $(VENV) var build *.egg-info
