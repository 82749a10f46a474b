# Coop addons for Odoo 18.0: the two commands are `make run` and `make test`.
PYTHON ?= python3
COOPDEV = $(PYTHON) scripts/coopdev.py

.PHONY: run stop test test-addon test-core lint setup bench clean-db

## Set up .venv, Odoo and PostgreSQL, create coop_demo with demo data, serve on 127.0.0.1:8069.
run:
	$(COOPDEV) run

## Stop Odoo and the local PostgreSQL cluster.
stop:
	$(COOPDEV) stop

## Whole suite: all addons together, each addon alone, pytest on tests/, lint.
test:
	$(COOPDEV) test

## One addon's tests on a fresh database: make test-addon ADDON=coop_wallet
test-addon:
	$(COOPDEV) test $(ADDON) --alone-only --no-pytest --no-lint

## Odoo's own tests of the stock modules we extend, without then with our
## addons; fails on a failure that appears only with them (not in `make test`).
test-core:
	$(COOPDEV) test-core

## pre-commit with the OCA hooks (ruff, pylint-odoo, OCA module and po checks).
lint:
	$(COOPDEV) lint

setup:
	$(COOPDEV) setup

## A benchmark on a scratch database: make bench NAME=partners
bench:
	$(COOPDEV) setup && .venv/bin/python -m bench $(NAME)
