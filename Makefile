# Two commands: `make book` builds the HTML book, `make test` runs every test.
# Both create the virtual environment and install the pinned requirements first when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: book test lint check bench clean sync lab

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	# Build the font cache now, or its first-run notice lands in the notebooks' outputs under nbval.
	$(BIN)/python -c "import matplotlib.pyplot"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# Everything the book is built from. When none of it is newer than the last build, make stops here;
# otherwise Sphinx rebuilds only the pages whose sources or tables changed (aarsevaluering/sphinxext.py).
# The tables are also listed from the data package, so a deleted or renamed CSV is missed, not skipped.
DATA_FILES := $(shell $(PYTHON) -c "import json; print(' '.join('data/' + r['path'] for r in \
	json.load(open('data/datapackage.json'))['resources']))")
BOOK_INPUTS := _config.yml _toc.yml CITATION.cff $(DATA_FILES) $(shell find book notebooks data findings aarsevaluering _static \
	_templates -type f -not -path '*/_generated/*' -not -path '*/__pycache__/*' -not -path '*/.ipynb_checkpoints/*')
BOOK_BUILT := _build/.book-built
# A failed build leaves one line here (aarsevaluering/sphinxext.py, aarsevaluering/sync.py): what failed and where.
BUILD_FAILURE := _build/.build-failure

# make's own error line is the failure's one line, so the output ends with what to fix: the build's
# recipe records a failure instead of failing, and this recipe, expanded after it ran, reports it.
book: $(BOOK_BUILT)
	$(if $(wildcard $(BUILD_FAILURE)),$(error $(shell cat $(BUILD_FAILURE))))

$(DATA_FILES):
	$(error $@ is listed in data/datapackage.json but missing: restore it (git checkout -- $@) or remove it from the descriptor)

# Every table validated against the data package before Sphinx starts (or the tests run). A bad table
# stops make with the loader's message (file, row, column, value, what was expected) as the last line
# of the output: make's own error line is that message. Expanded as the recipe runs, after the set-up.
define check_data
$(eval DATA_ERROR := $(shell $(BIN)/python -m aarsevaluering.build --check-data 2>&1))$(if \
$(filter-out 0,$(.SHELLSTATUS)),$(error $(DATA_ERROR)))
endef

# The .py is the source: a notebook whose .ipynb does not hold its cells is executed and stored first
# (aarsevaluering/sync.py --stale). Then jupyter-book build, reading pages (and executing notebooks) on
# every core. A notebook that raises fails it (aarsevaluering/sphinxext.py), with or without -W; a failure
# with a one-line summary is left to `book` to report, any other fails here.
$(BOOK_BUILT): $(STAMP) $(BOOK_INPUTS)
	$(check_data)
	@mkdir -p _build && rm -f $(BUILD_FAILURE)
	$(BIN)/python -m aarsevaluering.sync --stale --failure-file $(BUILD_FAILURE) $(wildcard notebooks/*.py) \
	&& $(BIN)/python -m aarsevaluering.build build . -W -n --keep-going && touch $@ || test -s $(BUILD_FAILURE)

# The JUnit report of the run (nbval's notebook cells included), kept for CI's artefacts; JUNIT= to skip it.
JUNIT ?= test-artifacts/pytest.xml

# Lint first: a pair out of sync or unformatted code fails before the long run.
test: $(STAMP) lint
	$(check_data)
	$(BIN)/python -m pytest $(if $(JUNIT),--junitxml=$(JUNIT))

# The same checks as .pre-commit-config.yaml: ruff check and ruff format on the module, the tests and the
# .py notebooks, and every .py/.ipynb pair in sync (the pairing test, under a second).
lint: $(STAMP)
	$(BIN)/ruff check aarsevaluering tests notebooks benchmarks
	$(BIN)/ruff format --check aarsevaluering tests notebooks benchmarks
	$(BIN)/python -m pytest tests/test_pairing.py -q -p no:xdist -p no:cacheprovider -o addopts=

# The inner loop, under a minute: lint, every table against the data package, the data and identities
# tests, and one notebook under nbval (NOTEBOOK=, default the quickest chapter). `make test` runs all of it too.
NOTEBOOK ?= notebooks/pensjon.ipynb
check: $(STAMP) lint
	$(check_data)
	$(BIN)/python -m pytest tests/test_data.py tests/test_loader.py tests/test_identities_*.py $(NOTEBOOK) \
	  --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg -q -p no:xdist -p no:cacheprovider -o addopts=

# Re-execute each chapter from its .py and write the paired .ipynb with outputs and stable cell ids
# (aarsevaluering/sync.py; every run, since a table may have changed when the code has not);
# rewrite the data page from data/datapackage.json (tests/test_catalogue.py checks it is current).
sync: $(STAMP)
	$(BIN)/python -m aarsevaluering.sync notebooks/*.py
	$(BIN)/python -m aarsevaluering.catalogue

# The students' route: JupyterLab on the chapters. The notebooks are signed as trusted first (JupyterLab
# shows neither the stored outputs nor the prose values of a notebook it does not trust); Binder does
# the same in postBuild.
lab: $(STAMP)
	$(BIN)/jupyter trust notebooks/*.ipynb
	$(BIN)/jupyter lab notebooks

# Build and test costs against the cost of running the notebooks as plain scripts; writes
# benchmarks/results.md (a few minutes: three runs of each step).
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf _build

# A release (RELEASING.md): CITATION.cff's version and date checked (its tests), the book built from scratch
# (CITATION.cff is not among BOOK_INPUTS), the book and the data bundle archived in _build/release/, and the
# commit tagged vX.Y.Z. Pushing the tag and publishing the GitHub release (Zenodo's DOI) stay by hand.
RELEASE_VERSION = $(shell sed -n 's/^version: *//p' CITATION.cff)
RELEASE_DIR := _build/release

.PHONY: release
release: $(STAMP)
	@git diff --quiet && git diff --cached --quiet || { echo "release: commit your changes first"; exit 1; }
	@! git rev-parse -q --verify "refs/tags/v$(RELEASE_VERSION)" >/dev/null || { echo "release: v$(RELEASE_VERSION) exists"; exit 1; }
	$(BIN)/python -m pytest tests/test_citation.py -q -p no:xdist -p no:cacheprovider -o addopts=
	rm -rf _build
	AARSEVALUERING_RELEASING=v$(RELEASE_VERSION) $(MAKE) book  # the pages say "released" (citation.release_state)
	mkdir -p $(RELEASE_DIR)
	$(BIN)/python -m zipfile -c $(RELEASE_DIR)/aarsevaluering-2023-book-v$(RELEASE_VERSION).zip _build/html
	cp _build/html/_downloads/aarsevaluering-2023-data.zip $(RELEASE_DIR)/aarsevaluering-2023-data-v$(RELEASE_VERSION).zip
	git tag -a v$(RELEASE_VERSION) -m "Årsevaluering 2023, rebuilt from data, version $(RELEASE_VERSION)"
	@echo "Tagged v$(RELEASE_VERSION); archives in $(RELEASE_DIR)/. Next (RELEASING.md): git push origin main v$(RELEASE_VERSION),"
	@echo "then publish a GitHub release from the tag with both archives attached (Zenodo archives it and gives a DOI)."
