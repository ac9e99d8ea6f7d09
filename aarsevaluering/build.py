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
from pathlib import Path

from .data import DataError, package, validate


def failure_file(outdir: str | Path) -> Path:
    """Where a failed build leaves its one-line summary (``_build/.build-failure``), written by
    ``aarsevaluering.sphinxext``, for ``python -m aarsevaluering.build`` and ``make book`` to print as
    their last line."""
    return Path(outdir).parent / ".build-failure"


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

    failure_file(Path(_output_path(sys.argv[1:])) / "_build" / "html").unlink(missing_ok=True)
    jobs = int(os.environ.get("AARSEVALUERING_JOBS") or os.cpu_count() or 1)
    jupyter_book.sphinx.build_sphinx = functools.partial(jupyter_book.sphinx.build_sphinx, jobs=jobs)
    from jupyter_book.cli.main import main as jupyter_book_main  # looks build_sphinx up when it runs

    summary = failure_file(Path(_output_path(sys.argv[1:])) / "_build" / "html")
    try:
        jupyter_book_main(prog_name="jupyter-book")
    except SystemExit as done:
        code = done.code
    except RuntimeError:  # jupyter-book's own "error in building your book", raised with its traceback
        if not summary.exists():
            raise
        code = 1
    else:
        code = 0
    if code and summary.exists():
        # Sphinx's output above holds the cell's traceback; jupyter-book's banner and traceback after it
        # hold nothing a reader can act on. The one line that says what failed and where closes the output.
        print(summary.read_text(encoding="utf-8").strip(), file=sys.stderr)
    sys.exit(code)


def _output_path(arguments: list[str]) -> str:
    """Where jupyter-book writes ``_build`` for ``build <path> [--path-output <dir>] [options]``."""
    if "--path-output" in arguments[:-1]:
        return arguments[arguments.index("--path-output") + 1]
    positional = [a for a in arguments if not a.startswith("-")]
    return positional[1] if len(positional) > 1 and positional[0] == "build" else "."


if __name__ == "__main__":
    main()
