"""The catalog: every record of a content directory, indexed for the build.

A plain data structure (reading and checking the files is ``chinar.content``'s job), so every stage,
the validator included, can use it without importing the reader.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .languages import DEFAULT_LOCALE

Record = dict[str, Any]


def shown_locale(versions: Collection[str], locale: str) -> str:
    """Which of a thing's language versions a page in ``locale`` shows: its own, else the default
    language's, else the first by code. The one definition of the fallback: ``Catalog.get`` (every
    list page) and the search's page-language view (``search.documents.stands_in``) use it, so a
    record missing in a language is shown, and found, in the same other language everywhere.
    ``versions`` must not be empty."""
    if locale in versions:
        return locale
    if DEFAULT_LOCALE in versions:
        return DEFAULT_LOCALE
    return min(versions)


@dataclass
class Catalog:
    """Every record of a content directory, indexed for the build.

    ``records[(type, translation_key)][locale]`` is one locale version. Records are plain dicts as
    read from JSON (rich text already sanitised); ``_file`` holds the path relative to the content dir.
    """

    root: Path
    records: dict[tuple[str, str], dict[str, Record]] = field(default_factory=dict)
    # (type, key) of files that failed to load: references to them are not reported again.
    broken: set[tuple[str, str]] = field(default_factory=set)

    # type -> its sorted keys, computed on first use after a change (pages ask for them often).
    _keys: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)

    def add(self, record: Record) -> None:
        type_, key = record["type"], record["translation_key"]
        versions = self.records.get((type_, key))
        if versions is None:
            versions = self.records[(type_, key)] = {}
            self._keys.pop(type_, None)
        versions[record["locale"]] = record

    def keys(self, type_: str) -> list[str]:
        """Translation keys of one type, sorted (deterministic order everywhere); a fresh list."""
        keys = self._keys.get(type_)
        if keys is None:
            keys = self._keys[type_] = sorted(k for (t, k) in self.records if t == type_)
        return list(keys)

    def versions(self, type_: str, key: str) -> dict[str, Record]:
        """All locale versions of one thing; empty if it does not exist."""
        return self.records.get((type_, key), {})

    def get(self, type_: str, key: str, locale: str, fallback: bool = True) -> Record | None:
        """The ``locale`` version, else (with ``fallback``) the default-locale one, else any."""
        versions = self.versions(type_, key)
        if locale in versions:
            return versions[locale]
        if not fallback or not versions:
            return None
        return versions[shown_locale(versions, locale)]

    def all(self, type_: str, locale: str, fallback: bool = True) -> list[Record]:
        """One version per thing of ``type_`` for showing in ``locale`` (see ``get``)."""
        out = []
        for key in self.keys(type_):
            rec = self.get(type_, key, locale, fallback)
            if rec is not None:
                out.append(rec)
        return out

    def count(self) -> int:
        """The number of records, every locale version counted."""
        return sum(len(v) for v in self.records.values())

    def iter_records(self) -> Iterator[Record]:
        for (_t, _k), versions in sorted(self.records.items()):
            for loc in sorted(versions):
                yield versions[loc]

    def media_path(self, src: str) -> Path:
        return self.root / "media" / src
