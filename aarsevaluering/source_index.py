"""The figures of the report's text, line by line: what the transcription test needs, without the text.

The report's text is not part of the repository, so without it the transcription test (that every
number of every CSV row is printed, in order, on the line the row cites) could not run. This module
writes ``data/source_index.json`` from the text: for every line a table's ``source_lines`` range
covers, and every line a row cites, the line's *figure text* and a checksum of the line.

The figure text is the line with its words taken out and nothing else changed: each run of letters
becomes ``…``, and the words, spaces and punctuation between two such marks with no digit among them
become one; everything else stays as printed: numbers with their thousands spaces, minus signs and
decimal commas, ``%``, a lone ``-`` for an empty cell, footnote marks such as ``2)`` and ``*``,
brackets, slashes and bullets. ``Hovedutvalg for helse, sosial og omsorg 2 513 664 -14 362 -0,5 %``
becomes ``… 2 513 664 -14 362 -0,5 %``. A number in a label stays: ``Korsveien 68`` becomes ``… 68``,
``P05`` becomes ``…05`` and ``1/3-del`` ``1/3-…``, so the transcription test still sees that ``05`` is
glued to a word and ``68`` is not. It reads a row's label, and a status word among its values, with
the words taken out in the same way, and matches exactly as it does on the text: a table row's run of
numbers must close the line and start right after the label or a word, never inside a number
(``320 100`` is not found in ``1 320 100``); a figure quoted in a sentence must stand as a whole
number, not glued to a word (``11`` is not in ``P11``, nor in ``…11``).

Figures only, because the words are the report's and are not ours to publish, while the figures are
the facts the data already transcribe. The checksum (the first 16 hex digits of the SHA-256 of the
line's UTF-8 text) ties each entry to its line: with the text at hand, the tests check that the
committed index is exactly what this command writes from it.

    python -m aarsevaluering.source_index           # write data/source_index.json from the text
    python -m aarsevaluering.source_index --check   # exit 1 if the committed index differs

The text's path is read from ``AARSEVALUERING_SOURCE`` (default: ``../shared/source/`` beside the
repository).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .data import DataError, Resource, data_dir, package, validate

INDEX_NAME = "source_index.json"
# Stands where words stood; the report's text never prints it.
SEPARATOR = "\u2026"
_SPACES = "\u00a0\u202f\u2009\t"
CHECKSUM_DIGITS = 16


def index_path() -> Path:
    return data_dir() / INDEX_NAME


_LETTERS = re.compile(r"[^\W\d_]+")
# From a word to a word with no digit between: punctuation and spaces among words go with them.
_WORDS = re.compile(f"{SEPARATOR}(?:[^\\d{SEPARATOR}]*{SEPARATOR})+")


def figures(text: str) -> str:
    """``text`` with its words taken out: spaces made single, each run of letters replaced by a
    separator, and the words, spaces and punctuation between two separators with no digit among them
    made one. Applied twice, it changes nothing."""
    for ch in _SPACES:
        text = text.replace(ch, " ")
    text = _LETTERS.sub(SEPARATOR, " ".join(text.split()))
    return _WORDS.sub(SEPARATOR, text)


def checksum(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of ``text`` (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:CHECKSUM_DIGITS]


def cited_lines(resources: Iterable[Resource]) -> list[int]:
    """Every line in a table's ``source_lines`` range and every line a row cites, in order."""
    lines: set[int] = set()
    for res in resources:
        first, last = res.spec["source_lines"]
        lines.update(range(first, last + 1))
        for row in validate(res):
            lines.add(int(row["source_line"]))
            if row.get("source_line_last"):
                lines.add(int(row["source_line_last"]))
    return sorted(lines)


def build(source: list[str], lines: Iterable[int]) -> dict:
    """The index of the text ``source`` (index 0 is line 1) for ``lines`` (those past its end left out)."""
    whole = "\n".join(source) + "\n"
    return {
        "about": "The figures printed on each line of Drammen kommune's Årsevaluering 2023 that the tables "
        "cite, words taken out; written by python -m aarsevaluering.source_index (do not edit).",
        "source": {"lines": len(source), "sha256": hashlib.sha256(whole.encode("utf-8")).hexdigest()},
        "separator": SEPARATOR,
        "checksum": f"first {CHECKSUM_DIGITS} hex digits of the SHA-256 of the line's UTF-8 text",
        "lines": [[n, checksum(source[n - 1]), figures(source[n - 1])] for n in lines if 1 <= n <= len(source)],
    }


def render(index: dict) -> str:
    """The index as JSON, one line per source line (so that a diff shows the lines that changed)."""
    head = {k: v for k, v in index.items() if k != "lines"}
    text = json.dumps(head, ensure_ascii=False, indent=2)[:-2]
    entries = ",\n".join("    " + json.dumps(entry, ensure_ascii=False) for entry in index["lines"])
    return f'{text},\n  "lines": [\n{entries}\n  ]\n}}\n'


@dataclass(frozen=True)
class SourceIndex:
    """The committed index, read: figure text and checksum by line number."""

    path: Path
    line_count: int
    entries: dict[int, tuple[str, str]]

    def figures(self, line: int) -> str | None:
        """The figure text of ``line``, or ``None`` when the index does not hold the line."""
        entry = self.entries.get(line)
        return entry[1] if entry else None


def load_index(path: Path | None = None) -> SourceIndex:
    """``data/source_index.json`` (or ``path``), checked for shape; a clear error naming the entry."""
    path = Path(path) if path else index_path()
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: source index not found (python -m aarsevaluering.source_index writes it)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DataError(f"{path}: source index unreadable ({err})") from None
    try:
        line_count = index["source"]["lines"]
        raw = index["lines"]
    except (KeyError, TypeError):
        raise DataError(f"{path}: not a source index (expected 'source' and 'lines')") from None
    if index.get("separator") != SEPARATOR:
        raise DataError(f"{path}: separator {index.get('separator')!r}, expected {SEPARATOR!r}")
    entries: dict[int, tuple[str, str]] = {}
    for position, entry in enumerate(raw, start=1):
        ok = isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], int)
        if not ok or not all(isinstance(x, str) for x in entry[1:]) or entry[0] in entries:
            raise DataError(f"{path}, entry {position}: {entry!r}, expected [line, checksum, figures], lines unique")
        if figures(entry[2]) != entry[2]:
            raise DataError(f"{path}, line {entry[0]}: {entry[2]!r} holds a word, expected figures only")
        entries[entry[0]] = (entry[1], entry[2])
    return SourceIndex(path, line_count, entries)


def main(argv: list[str]) -> int:
    from .transcription import read_source, source_path

    path = source_path() or Path(__file__).resolve().parents[2] / "shared" / "source" / "aarsevaluering-2023.txt"
    text = render(build(read_source(path), cited_lines(package().values())))
    target = index_path()
    if argv == ["--check"]:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print(f"{target} is not what {path} gives: run python -m aarsevaluering.source_index")
            return 1
        print(f"{target} is current")
        return 0
    if argv:
        print(__doc__)
        return 2
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} from {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
