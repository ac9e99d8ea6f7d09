"""The kept copies the tests build the book from (``conftest.kept_copy``): between runs only what changed
is written anew, what is gone is removed, and a copy whose last build failed is never built on."""

from __future__ import annotations

import os

import conftest


def _fake_repository(tmp_path, monkeypatch):
    repo, cache = tmp_path / "repo", tmp_path / "cache"
    (repo / "data").mkdir(parents=True)
    (repo / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (repo / "data" / "a.csv").write_text("label\nx\n", encoding="utf-8")
    (repo / "data" / "b.csv").write_text("label\ny\n", encoding="utf-8")
    monkeypatch.setattr(conftest, "REPO", repo)
    monkeypatch.setattr(conftest, "BUILD_CACHE", cache)
    monkeypatch.setattr(conftest, "BOOK_SOURCES", ("_config.yml", "data"))
    monkeypatch.delenv(conftest.BUILD_FRESH_ENV, raising=False)
    return repo


def test_a_kept_copy_follows_the_checkout_file_by_file(tmp_path, monkeypatch):
    repo = _fake_repository(tmp_path, monkeypatch)
    book = conftest.kept_copy("t", rewrite=lambda relative, text: text.replace("x", "X"))
    assert (book / "data" / "a.csv").read_text(encoding="utf-8") == "label\nX\n"  # rewritten
    conftest.record_build("t", 0)
    (book / "_build").mkdir()
    (book / "_build" / "kept").write_text("", encoding="utf-8")
    old = 1_000_000_000
    for path in (book / "data" / "a.csv", book / "data" / "b.csv"):
        os.utime(path, ns=(old, old))
    (repo / "data" / "b.csv").write_text("label\nz\n", encoding="utf-8")
    (repo / "data" / "a.csv").unlink()
    book = conftest.kept_copy("t")
    assert not (book / "data" / "a.csv").exists()  # gone from the checkout, gone from the copy
    assert (book / "data" / "b.csv").read_text(encoding="utf-8") == "label\nz\n"
    assert (book / "data" / "b.csv").stat().st_mtime_ns > old  # newer than the last build: Sphinx sees it
    assert (book / "_build" / "kept").exists()  # the build is kept: the next one is incremental


def test_a_copy_whose_last_build_failed_is_made_afresh(tmp_path, monkeypatch):
    _fake_repository(tmp_path, monkeypatch)
    book = conftest.kept_copy("t")
    (book / "_build").mkdir()
    conftest.record_build("t", 2)  # the build failed
    book = conftest.kept_copy("t")
    assert not (book / "_build").exists()
    conftest.record_build("t", 0)
    (book / "_build").mkdir()
    monkeypatch.setenv(conftest.BUILD_FRESH_ENV, "1")  # asked for afresh
    assert not (conftest.kept_copy("t") / "_build").exists()
    monkeypatch.delenv(conftest.BUILD_FRESH_ENV)
    conftest.record_build("t", 0)
    (book / "_build").mkdir()
    assert (conftest.kept_copy("t") / "_build").exists()  # trusted: its last build succeeded
    # ... but that copy's build is now under way and never recorded as finished: not trusted either.
    assert not (conftest.kept_copy("t") / "_build").exists()
