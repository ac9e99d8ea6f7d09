"""The figures a chapter's sentences show, in one namespace per notebook.

A chapter computes every number its prose prints and keeps it on one object, ``txt``::

    txt = Figures()
    txt.surplus = fmt_million(result["net_operating_surplus"])

and the Markdown cell prints it with a MyST inline expression, ``{eval}`txt.surplus```. The same
expression is evaluated by the kernel in both places a reader meets the chapter: myst-nb renders it in
the book (``nb_execution_mode: inline``) and ``jupyterlab-myst`` in JupyterLab, after the cell above
it has run (and ``python -m aarsevaluering.sync`` stores the rendered values in the notebook, so a
student sees them before running anything). There is one source of truth per number: the assignment.

Values are :class:`Text`: a ``str`` whose ``repr`` is the text itself, so neither renderer wraps it in
quotes. Reading a figure that was never set raises an ``AttributeError`` naming it, so a sentence that
points at a missing figure fails the build instead of printing a placeholder.
"""

from __future__ import annotations

from collections.abc import Iterator


class Text(str):
    """A figure as prose prints it. Its ``repr`` is the text, without quotes."""

    __slots__ = ()

    def __repr__(self) -> str:
        return str.__str__(self)


class Figures:
    """Attribute namespace of a chapter's prose figures (``txt.surplus``); ``txt["key"] = ...`` sets a
    figure whose name is computed. Every value is kept as :class:`Text`."""

    def __init__(self) -> None:
        object.__setattr__(self, "_values", {})

    def __setattr__(self, name: str, value: object) -> None:
        if not name.isidentifier() or name.startswith("_"):
            raise ValueError(f"a prose figure needs a plain name, not {name!r}")
        self._values[name] = Text(value)

    __setitem__ = __setattr__

    def __getattr__(self, name: str) -> Text:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"no prose figure {name!r} was computed above this sentence") from None

    def __getitem__(self, name: str) -> Text:
        return self.__getattr__(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __dir__(self) -> list[str]:
        return sorted(self._values)

    def __repr__(self) -> str:
        return f"Figures({len(self._values)} prose figures: {', '.join(sorted(self._values))})"
