# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ADDRESS ?= 127.0.0.1:8000

.PHONY: run test setup test-tools check-migrations test-postgres benchmark

run: setup
	$(BIN)/python manage.py runserver $(ADDRESS)

setup: $(VENV)/installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loaddata menaka_clashes

test: $(VENV)/installed test-tools
	$(BIN)/python -m pytest

test-tools:
	scripts/install-test-tools

check-migrations: $(VENV)/installed
	$(BIN)/python manage.py makemigrations --check --dry-run

test-postgres: $(VENV)/installed test-tools
	scripts/with-postgres $(BIN)/python -m pytest

benchmark: $(VENV)/installed
	scripts/benchmark

$(VENV)/installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@
