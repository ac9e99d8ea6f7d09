"""``python -m aarsevaluering.build [jupyter-book build arguments]``: jupyter-book's ``build``, with
Sphinx reading pages, and so executing notebooks, in parallel on every core.

jupyter-book 1.x hands a ``jobs`` argument to Sphinx but its command line has no option for it.
``AARSEVALUERING_JOBS`` sets the number of processes (default: the machine's CPU count).
"""

from __future__ import annotations

import functools
import os

import jupyter_book.sphinx


def main() -> None:
    jobs = int(os.environ.get("AARSEVALUERING_JOBS") or os.cpu_count() or 1)
    jupyter_book.sphinx.build_sphinx = functools.partial(jupyter_book.sphinx.build_sphinx, jobs=jobs)
    from jupyter_book.cli.main import main as jupyter_book_main  # looks build_sphinx up when it runs

    jupyter_book_main(prog_name="jupyter-book")


if __name__ == "__main__":
    main()
