"""Shared code of the book *Drammen kommune's Årsevaluering 2023, rebuilt from data*.

``load`` reads a table by name; ``fmt`` formats numbers; ``checks`` compares printed figures with
recomputed ones; ``style`` sets the figures' look.

Imported in a notebook, it also makes a data fault read as one line: a bad table or a lookup that
matches no row (a renamed label) raises :class:`DataError`, and the kernel shows its message (file,
line or label, column) instead of a traceback through the library, which would bury it.
"""

from .data import DataError, load

__all__ = ["DataError", "load"]


def _show_data_errors_as_one_line() -> None:
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: tracebacks as usual
        return
    shell = get_ipython()
    if shell is None:
        return

    def one_line(shell, etype, value, tb, tb_offset=None):
        structured = [f"{etype.__name__}: {value}"]
        shell._showtraceback(etype, value, structured)
        return structured

    shell.set_custom_exc((DataError,), one_line)


_show_data_errors_as_one_line()
