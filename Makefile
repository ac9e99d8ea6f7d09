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

# The JUnit report of the run (nbval's notebook cells included), kept for CI's artefacts; JUNIT= to skip it.
JUNIT ?= test-artifacts/pytest.xml

# Lint first: a pair out of sync or unformatted code fails before the long run.
test: $(STAMP) lint
	$(BIN)/python -m pytest $(if $(JUNIT),--junitxml=$(JUNIT))

# The same checks as .pre-commit-config.yaml: ruff check and ruff format on the module, the tests and the
# .py notebooks, and every .py/.ipynb pair in sync (the pairing test, under a second).
lint: $(STAMP)
	$(BIN)/ruff check aarsevaluering tests notebooks
	$(BIN)/ruff format --check aarsevaluering tests notebooks
	$(BIN)/python -m pytest tests/test_pairing.py -q -p no:xdist -p no:cacheprovider -o addopts=

# Re-execute each chapter from its .py and write the paired .ipynb with outputs (for nbval);
# rewrite the data page from data/datapackage.json (tests/test_catalogue.py checks it is current).
sync: $(STAMP)
	cd notebooks && for nb in *.py; do \
		../$(BIN)/jupytext --to ipynb --update --execute "$$nb" || exit 1; done
	$(BIN)/python -m aarsevaluering.catalogue

clean:
	rm -rf _build
