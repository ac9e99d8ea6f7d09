"""A Sphinx extension that repairs three faults of the HTML the toolchain writes, found by the
real-browser test (``tests/test_browser.py``):

- Every page declared ``const THEBE_JS_URL`` twice, so the second declaration threw a SyntaxError in
  the browser. Sphinx 7.4 keeps an inline script that an extension adds after the builder started
  (sphinx-thebe's configuration, sphinx-togglebutton's selector) twice: once as added, once re-read
  from its registry with ``''`` for the file name instead of ``None``, so the two do not compare
  equal. Identical scripts are now written once.
- docutils marks each bibliography entry ``role="doc-biblioentry"`` inside a ``role="list"``
  container: the list then has no list items (axe-core: aria-required-children, critical), and the
  role is deprecated in WAI-ARIA 1.3. The entries become ``role="listitem"``.
- The notebooks' tables are HTML outputs (pandas Styler), which Sphinx does not number as it numbers
  figures. On a chapter page each captioned table gets its number by chapter, "Table 2.3", in the order
  the page shows them, as Sphinx writes a figure's ("Fig. 2.3"), so a citation of a table survives a
  table added to another chapter. In JupyterLab the captions carry no number, as figures there carry none.
  The audit page, outside the numbered chapters, numbers its tables "Table A.1", as an appendix would;
  the front matter's tables and figures are numbered by page (the introduction's "Table F.1").
- A table shown behind a toggle had the toolchain's label, "Show code cell output", so a page of them
  read as a stack of identical buttons: the toggle now names its table ("Show Table 1.5: D08 ...").
- pydata-sphinx-theme logs a console error ("Got invalid theme mode") on a reader's first visit
  because no default colour mode is set; it is set to ``auto`` (follow the reader's system), which is
  what the theme fell back to.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config


def _default_mode(app: Sphinx, config: Config) -> None:
    # pydata-sphinx-theme reads it from the template context, not from the theme options.
    context = dict(config.html_context or {})
    context.setdefault("default_mode", "auto")
    config.html_context = context


def _script_key(script) -> tuple:
    filename = getattr(script, "filename", script) or ""
    attributes = getattr(script, "attributes", {}) or {}
    return str(filename), getattr(script, "priority", 0), tuple(sorted(attributes.items()))


# A table's caption as pandas writes it (``<caption>`` with no attributes), not one Sphinx numbered.
_CAPTION = re.compile(r"<caption>(?!<span class=\"caption-number\">)")


# Pages outside the numbered chapters whose tables are numbered as an appendix's.
APPENDIX = {"notebooks/audit": "A"}
# The front matter's tables and figures, which Sphinx numbers through all unnumbered pages ("Table 9" on
# the data page), numbered by page instead: the introduction's Table F.1, Data and methods' M.1, the
# data page's T.1 (not P: "Table P.3" read as programme area P03, designer s11).
# Letters no table id starts with (D, I, B, H are the report tables' ids: "Table D.4" beside id D04 read as one).
FRONT = {"book/intro": "F", "book/data_and_methods": "M", "book/data": "T"}
_SPHINX_NUMBER = re.compile(r'<span class="caption-number">(Table|Fig\.) \d+ </span>')


def number_front_matter(body: str, letter: str, kinds: tuple[str, ...] = ("Table", "Fig.")) -> str:
    """Sphinx's own numbers on a front-matter page replaced by the page's letter and their order on it; an
    appendix page passes ``kinds=("Fig.",)``, its tables being numbered from their captions
    (:func:`number_tables`)."""
    counts: dict[str, int] = {}

    def numbered(match: re.Match) -> str:
        kind = match.group(1)
        if kind not in kinds:
            return match.group(0)
        counts[kind] = counts.get(kind, 0) + 1
        return f'<span class="caption-number">{kind} {letter}.{counts[kind]} </span>'

    return _SPHINX_NUMBER.sub(numbered, body)


def chapter_number(app: Sphinx, pagename: str) -> int | str | None:
    """The page's chapter number in the numbered part of the table of contents (or its appendix
    letter), or None."""
    number = app.env.toc_secnumbers.get(pagename, {}).get("")
    return number[0] if number else APPENDIX.get(pagename)


def number_tables(body: str, chapter: int | str) -> str:
    """Every pandas table caption in ``body`` prefixed with its number by chapter, in page order."""
    count = 0

    def numbered(match: re.Match) -> str:
        nonlocal count
        count += 1
        return f'<caption><span class="caption-number">Table {chapter}.{count} </span>'

    return _CAPTION.sub(numbered, body)


# myst-nb's toggle over a hidden output, and a numbered caption (its number and the caption's text).
_OUTPUT_TOGGLE = re.compile(
    r"(<p class=\"collapsed admonition-title\">)Show code cell output(</p>\s*"
    r"<p class=\"expanded admonition-title\">)Hide code cell output(</p>)"
)
_NUMBERED = re.compile(r'<caption><span class="caption-number">(Table [^<]*?) </span>(.*?)</caption>', re.S)
_TAG = re.compile(r"<[^>]+>")


def short_title(caption: str, longest: int = 70, clauses: bool = True) -> str:
    """A caption's title for a toggle: the caption if it fits in ``longest`` characters, else up to its
    first clause break (" (", ": ", "; ", " – "), so the label reads whole; cut at a word, marked, only
    when even that is longer. With ``clauses=False`` the caption runs on past its clause breaks (a title
    that another toggle of the page shares, so that what tells them apart shows)."""
    if len(caption) <= longest:
        return caption
    breaks = [at for mark in (" (", ": ", "; ", " \u2013 ") if (at := caption.find(mark, 12)) > 0] if clauses else []
    title = caption[: min(breaks)] if breaks else caption
    if len(title) > longest:
        title = title[: longest - 1].rsplit(" ", 1)[0] + "\u2026"
    return title


def name_table_toggles(body: str, longest: int = 70) -> str:
    """Each toggle over a hidden output that holds numbered tables names them: "Show Table 1.5: its
    caption's title" (:func:`short_title`), or for several "Show Tables 1.5–1.7: the first's; the
    second's; …", every title named (each cut to its share of ``longest`` at a clause break, a title
    repeated named once), so no table hides behind another's name; "Hide Table 1.5" or "Hide Tables 1.5–1.7"."""
    found = []
    for toggle in _OUTPUT_TOGGLE.finditer(body):
        end = body.find('<div class="cell ', toggle.end())  # the output ends where the next cell begins
        tables = list(_NUMBERED.finditer(body, toggle.end(), len(body) if end < 0 else end))
        if tables:
            captions = [html.unescape(" ".join(_TAG.sub("", t.group(2)).split())) for t in tables]
            found.append((toggle, tables, captions))
    # A title two toggles of the page share ("Status investering og finansiering" over statement 2A and over its
    # 2022 column) gets the words from where their captions first differ, so what tells them apart shows
    # (designer s11r4).
    alike: dict[str, list[str]] = {}
    for _, tables, captions in found:
        if len(tables) == 1:
            alike.setdefault(short_title(captions[0], longest), []).append(captions[0])

    def told_apart(caption: str, share: int) -> str:
        title = short_title(caption, share)
        group = [other.split() for other in set(alike.get(short_title(caption, longest), []))]
        if len(group) < 2:
            return title
        words = caption.split()
        same = 0
        while same < len(words) - 1 and all(len(other) > same and other[same] == words[same] for other in group):
            same += 1
        return f"{title} \u2026 {short_title(' '.join(words[same:]), 40, clauses=False)}"

    out, last = [], 0
    for toggle, tables, captions in found:
        share = longest if len(tables) == 1 else max(28, longest // len(tables))
        titles = [told_apart(c, share) for c in captions]
        caption = "; ".join(dict.fromkeys(titles))
        first, final = (t.group(1).removeprefix("Table ") for t in (tables[0], tables[-1]))
        name = f"Table {first}" if len(tables) == 1 else f"Tables {first}\u2013{final}"
        label = html.escape(f"Show {name}: {caption}")
        out.append(body[last : toggle.start()])
        out.append(f"{toggle.group(1)}{label}{toggle.group(2)}Hide {name}{toggle.group(3)}")
        last = toggle.end()
    out.append(body[last:])
    return "".join(out)


# An apostrophe in the text of the notebooks' HTML outputs (tables, captions, finding boxes), which pandas and
# the book's HTML escape as &#x27; or &#39;: the prose around them has typographic ones (MyST's smart quotes),
# so "kommunekassen's" in a caption read as a different hand (designer's read, s11). Code, scripts, styles and
# tags' attributes are left as they are.
_LETTER = "A-Za-z\u00c0-\u024f"
_APOSTROPHE = re.compile(
    rf"(?<=[{_LETTER}])(?:&#x27;|&#39;|')(?=[{_LETTER}])|(?<=[0-9])(?:&#x27;|&#39;|')(?=s\b)|(?<=s)(?:&#x27;|&#39;|')(?=[\s,.;:)])"
)
_VERBATIM = re.compile(r"(<(pre|code|script|style|textarea)\b.*?</\2>|<[^>]*>)", re.S | re.I)


def typographic_apostrophes(body: str) -> str:
    """``body`` with each apostrophe between letters (kommunekassen's) or after a plural's s (areas') made
    typographic (U+2019), in text only: not in code, scripts, styles or inside a tag."""
    parts = _VERBATIM.split(body)
    out = []
    skip = False
    for i, part in enumerate(parts):
        if skip:  # the tag-name group of the verbatim match that precedes it
            skip = False
            continue
        if i % 3 == 1:
            out.append(part)
            skip = True
        else:
            out.append(_APOSTROPHE.sub("\u2019", part))
    return "".join(out)


def _fix_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    scripts = context.get("script_files")
    if scripts:
        seen: set[tuple] = set()
        unique = []
        for script in scripts:
            key = _script_key(script)
            if key not in seen:
                seen.add(key)
                unique.append(script)
        scripts[:] = unique  # the builder's own list, restored by Sphinx after the page is written
    body = context.get("body")
    if body and 'role="list" class="citation-list"' in body:
        context["body"] = body = body.replace(' role="doc-biblioentry"', ' role="listitem"')
    if body:
        context["body"] = body = typographic_apostrophes(body)
    chapter = chapter_number(app, pagename)
    if body and chapter is not None:
        body = name_table_toggles(number_tables(body, chapter))
        if pagename in APPENDIX:  # outside the numbered chapters Sphinx numbers figures through the book
            body = number_front_matter(body, APPENDIX[pagename], kinds=("Fig.",))
        context["body"] = body
    elif body and pagename in FRONT:
        context["body"] = number_front_matter(body, FRONT[pagename])


def setup(app: Sphinx) -> dict:
    # The fixes are applied as pages are written, so a change here must rewrite every page (not re-read
    # it): a configuration value of the "html" kind that changes with this file does so. The book's own
    # style sheets and scripts count too: with no page to write, Sphinx would not copy a changed one.
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for asset in sorted((Path(app.srcdir) / "_static").glob("*.*")):
        digest.update(asset.name.encode() + asset.read_bytes())
    app.add_config_value("aarsevaluering_htmlfixes", digest.hexdigest()[:16], "html")
    app.connect("config-inited", _default_mode)
    app.connect("html-page-context", _fix_page, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
