"""``python -m aarsevaluering.build [jupyter-book build arguments]``: jupyter-book's ``build``, with
Sphinx reading pages, and so executing notebooks, in parallel on every core, after the data package
has been checked.

jupyter-book 1.x hands a ``jobs`` argument to Sphinx but its command line has no option for it.
``AARSEVALUERING_JOBS`` sets the number of processes (default: the machine's CPU count).

Before Sphinx starts, every table of the data package is validated against its schema; a bad table
stops the build with the loader's message (file, row, column, value, what was expected) as the last
line of the output. ``python -m aarsevaluering.build --check-data`` does only that: it prints
nothing and exits 0 when every table is valid, and prints the one message and exits 1 otherwise
(``make book`` and ``make test`` run it first and stop with the message as their last line).
"""

from __future__ import annotations

import functools
import os
import sys

from .data import DataError, package, validate


def check_data() -> str | None:
    """The loader's message for the first bad table of the data package, or ``None`` when all are valid."""
    try:
        for res in package().values():
            validate(res)
    except DataError as err:
        return " ".join(str(err).split())  # one line
    return None


def main() -> None:
    error = check_data()
    if sys.argv[1:] == ["--check-data"]:
        if error:
            print(error)
        sys.exit(1 if error else 0)
    if error:
        sys.exit(error)  # printed to stderr as the last line, exit status 1
    import jupyter_book.sphinx  # here, so that --check-data starts quickly

    jobs = int(os.environ.get("AARSEVALUERING_JOBS") or os.cpu_count() or 1)
    jupyter_book.sphinx.build_sphinx = functools.partial(jupyter_book.sphinx.build_sphinx, jobs=jobs)
    from jupyter_book.cli.main import main as jupyter_book_main  # looks build_sphinx up when it runs

    jupyter_book_main(prog_name="jupyter-book")


if __name__ == "__main__":
    main()
