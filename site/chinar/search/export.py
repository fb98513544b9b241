"""Whoosh index -> the static files the browser client fetches piecewise (``search-index/``).

Layout (every file but the manifest is named by the hash of its content, so it can be cached forever;
``manifest.json`` must be revalidated, it names the rest):

- ``manifest.json``: analysis tables, query constants, alias phrases, facet labels, facet
  combinations, the list of dictionary shards, typo files and result-store volumes.
- ``d/<volume hash>/<i>.json``: dictionary shard ``i`` of a volume (all shards whose key starts with
  the same character share a volume and its hash). A shard holds every term starting with its key
  (1-3 characters; big shards are split one level deeper): ``term -> [df, [[file, offset, length,
  count, max score], ...]]``, one entry per postings slice, best slice first.
- ``p/<hash>.bin``: postings slices, several per file. A list is cut into slices by score (128
  postings, then 512, 2048, ... at 4x each), so the first page of a word found on most pages needs only
  its top slice. A slice is its postings sorted by document number, each three unsigned LEB128
  varints: document number delta, score (the integers of ``index.ScoreSource``), facet combination.
- ``t/<hash>.json``: typo candidates (key-field terms of 4+ letters) of one first (or last) character,
  by their first (or last) two characters.
- ``s/<volume hash>/<n>.json``: result store chunk ``n`` (``CHUNK`` documents each: URL, title,
  thumbnail, price); ``VOLUME`` chunks share a volume hash, so the manifest stays small at 100k pages.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import shutil
from collections import Counter
from collections.abc import Callable
from operator import itemgetter
from pathlib import Path

from ..content import LOCALES, Catalog
from . import analysis, query
from .corpus import Corpus, Encoded
from .documents import PRICE_BANDS, SEARCH_TYPES, SearchDoc

log = logging.getLogger(__name__)

FORMAT = 1
FIRST_SLICE = 128
SLICE_GROWTH = 4
DICT_TARGET = 6000  # bytes of JSON per dictionary shard before it is split
FILE_TARGET = 8192  # bytes per postings file (a bigger slice gets a file of its own)
CHUNK = 16
VOLUME = 64  # chunks per result-store volume: a changed title renames 64 files, the manifest lists n / 1024 hashes
MAX_DEPTH = 3
SITE_FOLDER = "search-index"
PARALLEL_MIN = 4000  # lists to score before it pays to fork workers


def _hash(data: bytes, n: int = 10) -> str:
    return hashlib.sha256(data).hexdigest()[:n]


def _json(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _varint(v: int) -> bytes:
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


_SMALL = 1 << 14
_VARINT = [_varint(v) for v in range(_SMALL)]  # encodings of the values nearly every posting holds


def varints(values: list[int]) -> bytes:
    """Unsigned LEB128 of each value, concatenated."""
    table = _VARINT
    return b"".join([table[v] if v < _SMALL else _varint(v) for v in values])


def slices(scores: dict[int, int]) -> list[list[tuple[int, int]]]:
    """Cut a postings list into score-ordered slices (best first), each sorted by document number.

    ``scores`` is in document order; ranking is by score, ties by document number.
    """
    items = list(scores.items())
    if len(items) <= FIRST_SLICE:
        return [sorted(items)] if items else []
    # A stable sort, descending: equal scores keep document order.
    ranked = sorted(items, key=itemgetter(1), reverse=True)
    out, start, size = [], 0, FIRST_SLICE
    while start < len(ranked):
        out.append(sorted(ranked[start:start + size]))
        start += size
        size *= SLICE_GROWTH
    return out


def encode_slice(postings: list[tuple[int, int]], combos: list[bytes] | list[int]) -> bytes:
    """A slice's postings as varints (doc delta, score, combination); ``combos`` may be pre-encoded."""
    table = _VARINT
    parts: list[bytes] = []
    add = parts.append
    last = 0
    encoded = bool(combos) and isinstance(combos[0], bytes)
    for doc, score in postings:
        d = doc - last
        add(table[d] if d < _SMALL else _varint(d))
        add(table[score] if score < _SMALL else _varint(score))
        c = combos[doc]
        add(c if encoded else _varint(c))  # type: ignore[arg-type]
        last = doc
    return b"".join(parts)


def shard_keys(sizes: dict[str, int]) -> dict[str, str]:
    """Term -> shard key: the term's first character, or 2 or 3 of them where a shard grew too big."""
    assign: dict[str, str] = {}

    def place(prefix: str, terms: list[str]) -> None:
        if len(prefix) >= MAX_DEPTH or sum(sizes[t] for t in terms) <= DICT_TARGET:
            for t in terms:
                assign[t] = prefix
            return
        groups: dict[str, list[str]] = {}
        for t in terms:
            if len(t) <= len(prefix):
                assign[t] = prefix
            else:
                groups.setdefault(t[:len(prefix) + 1], []).append(t)
        for child, members in sorted(groups.items()):
            place(child, members)

    first: dict[str, list[str]] = {}
    for t in sorted(sizes):
        first.setdefault(t[:1], []).append(t)
    for p, members in sorted(first.items()):
        place(p, members)
    return assign


class _Writer:
    """Files into a directory, or handed to ``sink(path under the site root, bytes)`` (the build's
    output tree, which leaves identical files untouched) without a temporary copy."""

    def __init__(self, root: Path | None, sink: Callable[[str, bytes], object] | None = None) -> None:
        self.root = root
        self.sink = sink
        self.sizes: dict[str, int] = {}

    @property
    def files(self) -> int:
        return len(self.sizes)

    @property
    def bytes(self) -> int:
        return sum(self.sizes.values())

    def write(self, rel: str, data: bytes) -> None:
        """Write one file (a content-hashed name written twice holds the same bytes both times)."""
        if self.sink is not None:
            if rel not in self.sizes:
                self.sink(f"{SITE_FOLDER}/{rel}", data)
            self.sizes[rel] = len(data)
            return
        assert self.root is not None
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.sizes[rel] = len(data)


def _combo(doc: SearchDoc) -> tuple:
    return (doc.type, doc.locale, doc.band or "", tuple(doc.crafts), tuple(doc.districts))


def facet_labels(catalog: Catalog) -> dict:
    labels: dict = {}
    for type_, name in (("craft", "crafts"), ("district", "districts")):
        labels[name] = {key: {loc: rec.get("name", key)
                              for loc, rec in sorted(catalog.versions(type_, key).items())}
                        for key in catalog.keys(type_)}
    return labels


_SHARED: dict = {}  # set before forking: worker processes inherit the corpus


def encode_list(corpus: Corpus, key: str, combo_bytes: list[bytes]) -> Encoded | None:
    """One list's slices, encoded: (number of postings, [(bytes, postings, top score), ...]), or None."""
    scores = corpus.list_scores(key)
    if not scores:
        return None
    return len(scores), [(encode_slice(sl, combo_bytes), len(sl), max(s for _d, s in sl)) for sl in slices(scores)]


def _encode_chunk(keys: list[str]) -> list[tuple[str, Encoded | None]]:
    corpus, combo_bytes = _SHARED["corpus"], _SHARED["combo_bytes"]
    return [(k, encode_list(corpus, k, combo_bytes)) for k in keys]


def encode_lists(corpus: Corpus, keys: list[str], combo_bytes: list[bytes], workers: int) -> dict[str, Encoded]:
    """Score and encode ``keys``, in ``workers`` forked processes when there are many (a full build)."""
    if workers <= 1 or len(keys) < PARALLEL_MIN:
        found = [(k, encode_list(corpus, k, combo_bytes)) for k in keys]
    else:
        size = max(64, len(keys) // (workers * 16))
        chunks = [keys[i:i + size] for i in range(0, len(keys), size)]
        _SHARED.update(corpus=corpus, combo_bytes=combo_bytes)
        found = []
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for part in pool.imap_unordered(_encode_chunk, chunks):
                    found += part
        finally:
            _SHARED.clear()
    return {k: v for k, v in found if v is not None}


def export(catalog: Catalog, corpus: Corpus, out: Path | None, workers: int = 1,
           sink: Callable[[str, bytes], object] | None = None) -> tuple[dict, str, dict[str, Encoded]]:
    """Write the static index of ``corpus`` (document number i = ``corpus.docs[i]``) to ``out`` (replaced
    as a whole), or give each file to ``sink(f"search-index/{path}", bytes)`` when ``sink`` is set.

    Lists the corpus says are unchanged since the last build are not scored again (their encoded
    slices come from the cache); the rest are scored in ``workers`` processes. Returns the stats, the
    layout (hash of the document numbering and facet combinations the lists were encoded with) and
    every list's encoded slices, for the next build.
    """
    docs, phrases = corpus.docs, corpus.phrases
    tmp = out.with_name(out.name + ".tmp") if sink is None and out is not None else None
    if tmp is not None and tmp.exists():
        shutil.rmtree(tmp)
    w = _Writer(tmp, sink)

    combo_count = Counter(_combo(d) for d in docs)
    combo_list = sorted(combo_count, key=lambda c: (-combo_count[c], c))
    combo_id = {c: i for i, c in enumerate(combo_list)}
    doc_combo = [combo_id[_combo(d)] for d in docs]
    crafts = sorted({c for d in docs for c in d.crafts} | set(catalog.keys("craft")))
    districts = sorted({c for d in docs for c in d.districts} | set(catalog.keys("district")))
    bands = [b for b, _lo, _hi in PRICE_BANDS]
    combos = [[SEARCH_TYPES.index(t), LOCALES.index(loc), bands.index(b) if b else -1,
               [crafts.index(c) for c in cs], [districts.index(x) for x in ds]]
              for t, loc, b, cs, ds in combo_list]
    layout = _hash(repr((doc_combo, combo_list)).encode(), 20)

    lex = corpus.lexicon()
    keys = sorted(set(lex.main) | lex.components)
    combo_bytes = [_VARINT[c] if c < _SMALL else _varint(c) for c in doc_combo]
    reused = corpus.reusable(layout)
    encoded = encode_lists(corpus, [k for k in keys if k not in reused], combo_bytes, workers)
    encoded.update((k, v) for k, v in reused.items() if k in lex.main or k in lex.components)
    lists = {k: encoded[k] for k in keys if k in encoded}

    # Postings: slices, packed into files in dictionary order.
    sliced = {k: v[1] for k, v in lists.items()}
    entry_size = {k: len(k.encode()) + 12 + 40 * len(s) for k, s in sliced.items()}
    assign = shard_keys(entry_size)
    by_shard: dict[str, list[str]] = {}
    for k in sorted(sliced):
        by_shard.setdefault(assign[k], []).append(k)

    # A list's refs go best slice first whatever file each slice lands in: the client's bound on what
    # it has not fetched yet is the score of the next ref.
    refs: dict[str, list[list]] = {k: [[] for _ in s] for k, s in sliced.items()}
    pending: list[tuple[str, int, bytes, int, int]] = []

    def flush() -> None:
        if not pending:
            return
        blob = b"".join(p[2] for p in pending)
        name = f"p/{_hash(blob)}.bin"
        w.write(name, blob)
        offset = 0
        for key, level, data, count, top in pending:
            refs[key][level] = [name, offset, len(data), count, top]
            offset += len(data)
        pending.clear()

    pending_size = 0
    for shard in sorted(by_shard):
        for level in range(max(len(sliced[k]) for k in by_shard[shard])):
            for k in by_shard[shard]:
                if level < len(sliced[k]):
                    data, count, top = sliced[k][level]
                    if len(data) >= FILE_TARGET:
                        pending_saved = pending[:]
                        pending.clear()
                        pending.append((k, level, data, count, top))
                        flush()
                        pending.extend(pending_saved)
                        continue
                    if pending and pending_size + len(data) > FILE_TARGET:
                        flush()
                        pending_size = 0
                    pending.append((k, level, data, count, top))
                    pending_size += len(data)
        flush()
        pending_size = 0

    # Dictionary shards, grouped in volumes by first character.
    volumes: dict[str, list[str]] = {}
    for shard in sorted(by_shard):
        volumes.setdefault(shard[:1], []).append(shard)
    dict_manifest: dict[str, list] = {}
    for first, shard_list in sorted(volumes.items()):
        blobs = [_json({k: [lex.main.get(k, lists[k][0]), refs[k]] for k in by_shard[s]})
                 for s in shard_list]
        vol = _hash(b"\0".join(blobs))
        for i, blob in enumerate(blobs):
            w.write(f"d/{vol}/{i}.json", blob)
        dict_manifest[first] = [vol, shard_list]

    # Typo candidates by first and by last character.
    pools: dict[str, dict[str, dict[str, list[str]]]] = {"first": {}, "last": {}}
    for term in lex.key_terms:
        pools["first"].setdefault(term[:1], {}).setdefault(term[:2], []).append(term)
        pools["last"].setdefault(term[-1:], {}).setdefault(term[-2:], []).append(term)
    typo_manifest: dict[str, dict[str, str]] = {"first": {}, "last": {}}
    for side, groups in pools.items():
        for ch, group in sorted(groups.items()):
            blob = _json(group)
            name = _hash(blob)
            w.write(f"t/{name}.json", blob)
            typo_manifest[side][ch] = name

    # Result store: chunks of CHUNK documents, volumes of VOLUME chunks.
    rows = [[d.url, d.title, d.thumb, d.price] for d in docs]
    chunks = [_json(rows[i:i + CHUNK]) for i in range(0, len(rows), CHUNK)]
    store_volumes = []
    for v in range(0, len(chunks), VOLUME):
        group = chunks[v:v + VOLUME]
        vol = _hash(b"\0".join(group))
        for i, blob in enumerate(group):
            w.write(f"s/{vol}/{v + i}.json", blob)
        store_volumes.append(vol)

    manifest = {
        "format": FORMAT,
        "documents": len(docs),
        "tables": {**analysis.client_tables(), "token": analysis.TOKEN_PATTERN},
        "query": {"max_chars": query.MAX_QUERY_CHARS, "max_words": query.MAX_WORDS,
                  "prefix_min": query.PREFIX_MIN, "prefix_limit": query.PREFIX_LIMIT,
                  "prefix_coef": query.PREFIX_COEF, "typo_limit": query.TYPO_LIMIT,
                  "typo_coef": {str(k): v for k, v in query.TYPO_COEF.items()}, "full": query.FULL},
        "phrases": [[" ".join(p), g] for p, g in sorted(phrases.items())],
        "facets": {"types": list(SEARCH_TYPES), "locales": list(LOCALES), "bands": bands,
                   "crafts": crafts, "districts": districts, "labels": facet_labels(catalog)},
        "combos": combos,
        "dict": dict_manifest,
        "typo": typo_manifest,
        "store": {"chunk": CHUNK, "volume": VOLUME, "volumes": store_volumes},
    }
    w.write("manifest.json", _json(manifest))

    if tmp is not None and out is not None:
        if out.exists():
            shutil.rmtree(out)
        tmp.rename(out)
    stats = {"documents": len(docs), "files": w.files, "bytes": w.bytes, "terms": len(lists),
             "lists_scored": len(encoded) - len(reused), "lists_reused": len(reused)}
    return stats, layout, lists
