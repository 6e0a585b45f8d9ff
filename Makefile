# openreel — make run: install and start; make test: install and check everything.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := out/demo.mp4
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run seed test lint typecheck pytest browser bench gallery demo clean

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { apt-get update -q && apt-get install -y -q python3-venv && $(PYTHON) -m venv $(VENV); }
	@$(BIN)/pip install -q --upgrade pip

# The director reads unknown nouns and verbs through WordNet (Debian's wordnet-base).
WORDNET := /usr/share/wordnet/index.noun

$(WORDNET):
	@apt-get install -y -q wordnet-base >/dev/null 2>&1 || \
		{ apt-get update -q && apt-get install -y -q wordnet-base; }

$(STAMP): pyproject.toml $(WORDNET) | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP) seed
	@echo "openreel: open http://$(HOST):$(PORT) in a browser (Ctrl-C stops it)"
	$(BIN)/openreel serve --host $(HOST) --port $(PORT)

seed: $(STAMP)
	$(BIN)/openreel migrate
	$(BIN)/openreel seed-demo

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/openreel generate "Shot 1: a golden hour beach, a dog chases a red ball. Shot 2: close-up, the dog says \"best day ever\"" --seconds 10 -o $(DEMO)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench gallery

typecheck: $(STAMP)
	$(BIN)/mypy

# Browser tests drive Debian's chromium; install it (and an emoji font, so captions render
# as people see them) when missing (root, as in CI).
browser:
	@command -v chromium >/dev/null && dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || \
		{ apt-get update -q && apt-get install -y -q chromium fonts-noto-color-emoji; }

pytest: $(STAMP) browser
	$(BIN)/pytest -q -n 2 --dist loadfile

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python -m bench.run

gallery: $(STAMP)
	$(BIN)/python -m gallery.make

clean:
	rm -rf out bench/results/*.json gallery/*.mp4 .pytest_cache .mypy_cache .ruff_cache
