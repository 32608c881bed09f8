# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ADDRESS ?= 127.0.0.1:8000
# The French catalogue, compiled from the committed .po (README, "Languages").
MESSAGES := locale/fr/LC_MESSAGES/django.mo

.PHONY: run test setup test-tools check-migrations test-postgres benchmark messages

run: setup
	$(BIN)/python manage.py runserver $(ADDRESS)

setup: $(VENV)/installed $(MESSAGES)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loaddata menaka_clashes

test: $(VENV)/installed test-tools $(MESSAGES)
	$(BIN)/python -m pytest

test-tools:
	scripts/install-test-tools

check-migrations: $(VENV)/installed
	$(BIN)/python manage.py makemigrations --check --dry-run

test-postgres: $(VENV)/installed test-tools $(MESSAGES)
	scripts/with-postgres $(BIN)/python -m pytest

benchmark: $(VENV)/installed $(MESSAGES)
	scripts/need-commands "The benchmark" wrk:wrk timeout:coreutils
	scripts/benchmark

messages: $(MESSAGES)

$(MESSAGES): locale/fr/LC_MESSAGES/django.po $(VENV)/installed
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=staticfiles

$(VENV)/installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@
