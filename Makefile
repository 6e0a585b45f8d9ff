# openreel — make run: install and start; make test: install and check everything.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ART_DIR := src/openreel/engines/procedural/art
ART := $(ART_DIR)/library.json
DEMO := out/demo.mp4
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run seed test lint typecheck pytest browser bench gallery screens demo clean

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

# The art library: npm fetches the pinned icon sets (package-lock.json), then the engine
# measures the icons it uses into one small file. Node and npm come from Debian if missing.
$(ART): $(STAMP) package-lock.json $(ART_DIR)/icons.py $(ART_DIR)/build.py $(wildcard $(ART_DIR)/drawn/*.svg)
	@command -v npm >/dev/null || { apt-get update -q && apt-get install -y -q nodejs npm; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	$(BIN)/python -m openreel.engines.procedural.art.build --packages node_modules

install: $(STAMP) $(ART)

run: $(ART) seed
	@echo "openreel: open http://$(HOST):$(PORT) in a browser (Ctrl-C stops it)"
	$(BIN)/openreel serve --host $(HOST) --port $(PORT)

seed: $(ART)
	$(BIN)/openreel migrate
	$(BIN)/openreel seed-demo

demo: $(ART)
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

pytest: $(ART) browser
	$(BIN)/pytest -q -n 2 --dist loadfile

test: lint typecheck pytest

bench: $(ART)
	$(BIN)/python -m bench.run

gallery: $(ART)
	$(BIN)/python -m gallery.make

screens: $(ART)
	$(BIN)/python -m gallery.screens

clean:
	rm -rf $(ART) out bench/results/*.json gallery/*.mp4 .pytest_cache .mypy_cache .ruff_cache
