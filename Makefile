# Two commands: `make book` builds the HTML book, `make test` runs every test.
# Both create the virtual environment and install the pinned requirements first when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: book test lint bench clean sync

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	# Build the font cache now, or its first-run notice lands in the notebooks' outputs under nbval.
	$(BIN)/python -c "import matplotlib.pyplot"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . -W -n --keep-going

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check aarsevaluering tests notebooks
	$(BIN)/ruff format --check aarsevaluering tests

# Re-execute each chapter from its .py and write the paired .ipynb with outputs (for nbval).
sync: $(STAMP)
	cd notebooks && for nb in *.py; do \
		../$(BIN)/jupytext --to ipynb --update --execute "$$nb" || exit 1; done

clean:
	rm -rf _build
