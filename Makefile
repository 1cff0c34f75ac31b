# The kit's commands. The first two are all a teacher or student needs:
#   make lab    install (first time) and open JupyterLab on notebooks/00_start_here.ipynb
#   make test   install (first time) and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Extra options for `jupyter lab`, e.g. make lab LAB_ARGS="--no-browser --port 8899"
LAB_ARGS ?=
# JupyterLab refuses to run as root (containers, CI) unless told it may.
ROOT_ARGS := $(if $(filter 0,$(shell id -u)),--allow-root)
# make html OFFLINE=1 (and slides): put the widget scripts beside the pages (needs npm once)
OFFLINE ?=
OFFLINE_ARG := $(if $(OFFLINE),--offline)
# Extra options for pytest, e.g. make test PYTEST_ARGS="-k widgets"
PYTEST_ARGS ?=

.PHONY: install lab test notebooks figures html slides bench lint clean

# Create .venv if missing; (re)install when pyproject.toml or the pins change.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# Trusting the kit's own notebooks lets JupyterLab restore their saved sliders and
# quizzes on opening, before any cell runs.
lab: $(STAMP)
	$(BIN)/jupyter trust notebooks/*.ipynb
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" $(ROOT_ARGS) $(LAB_ARGS) notebooks/00_start_here.ipynb

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadscope $(PYTEST_ARGS)

notebooks: $(STAMP)
	$(BIN)/dimples execute

figures: $(STAMP)
	$(BIN)/dimples figures

html: $(STAMP)
	$(BIN)/dimples html $(OFFLINE_ARG)

slides: $(STAMP)
	$(BIN)/dimples slides $(OFFLINE_ARG)

bench: $(STAMP)
	$(BIN)/dimples bench

lint: $(STAMP)
	$(BIN)/ruff check dimples tests

clean:
	rm -rf build .pytest_cache
