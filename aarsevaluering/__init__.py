"""Shared code of the book *Drammen kommune's Årsevaluering 2023, rebuilt from data*.

``load`` reads a table by name; ``fmt`` formats numbers; ``checks`` compares printed figures with
recomputed ones; ``style`` sets the figures' look.
"""

from .data import DataError, load

__all__ = ["DataError", "load"]
