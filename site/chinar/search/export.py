"""Whoosh index -> the static files the browser client fetches piecewise (``search-index/``).

Layout (every file but the manifest is named by the hash of its content, so it can be cached forever;
``manifest.json`` must be revalidated, it names the rest):

- ``manifest.json``: analysis tables, query constants, alias phrases, the site's languages
  (``languages.client_config``: code, name, direction, BCP 47 tag) and how each writes a price
  (``i18n.price_pattern``), facet labels, facet combinations
  (type, language, price band, crafts, districts, and the languages whose search shows the document in
  place of a missing translation: ``documents.stands_in``), the list of dictionary shards, typo files
  and result-store volumes.
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

import bisect
import hashlib
import json
import logging
import multiprocessing
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from ..catalog import Catalog
from ..i18n import price_pattern
from ..languages import LOCALES, client_config
from ..offers import PRICE_BANDS
from ..policy import SERIAL, BuildPolicy, worker_started
from ..progress import QUIET, Progress
from ..record_types import SEARCH_TYPES
from . import analysis, query
from .corpus import Corpus, CorpusLexicon, Encoded
from .documents import SearchDoc, stands_in

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

    def __init__(self, root: Path | None, sink: Callable[[str, bytes], object] | None = None,
                 known: set[str] | None = None, keep: Callable[[str], object] | None = None) -> None:
        self.root = root
        self.sink = sink
        self.sizes: dict[str, int] = {}
        self.known = known or set()  # content-named files the output already holds (see ExportMemo)
        self.keep = keep

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
                if rel in self.known and self.keep is not None and rel != "manifest.json":
                    self.keep(f"{SITE_FOLDER}/{rel}")
                else:
                    self.sink(f"{SITE_FOLDER}/{rel}", data)
            self.sizes[rel] = len(data)
            return
        assert self.root is not None
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.sizes[rel] = len(data)


def _combo(doc: SearchDoc, standing: tuple[str, ...]) -> tuple:
    """A document's facet values; ``standing``: the languages it stands in for (``documents.stands_in``)."""
    return (doc.type, doc.locale, doc.band or "", tuple(doc.crafts), tuple(doc.districts), standing)


def facet_labels(catalog: Catalog) -> dict:
    labels: dict = {}
    for type_, name in (("craft", "crafts"), ("district", "districts")):
        labels[name] = {key: {loc: rec.get("name", key)
                              for loc, rec in sorted(catalog.versions(type_, key).items())}
                        for key in catalog.keys(type_)}
    return labels


_SHARED: dict = {}  # set before forking: worker processes inherit the corpus


ARRAY_MIN = 2000  # postings from which a list is scored and encoded with numpy (same bytes, less time)


def _varints_array(values):
    """Unsigned LEB128 of each value (a numpy array of non-negative integers below 2**28), concatenated."""
    import numpy as np

    v = values.astype(np.uint32)
    more = [v >= (1 << (7 * k)) for k in (1, 2, 3)]  # whether byte k of a value follows byte k - 1
    columns = np.empty((len(v), 4), dtype=np.uint8)
    for k in range(4):
        byte = (v >> (7 * k)) & 0x7F
        if k < 3:
            byte |= more[k].astype(np.uint32) << 7
        columns[:, k] = byte
    keep = np.ones((len(v), 4), dtype=bool)
    for k in (1, 2, 3):
        keep[:, k] = more[k - 1]
    return columns[keep].tobytes()  # row by row: each value's bytes in order


def encode_list_array(corpus: Corpus, key: str, doc_combo) -> Encoded | None:
    """``encode_list`` with numpy: the same slices (ranked by score, ties by document number, each
    sorted by document number) and the same bytes, for lists long enough for it to pay."""
    import numpy as np

    found = corpus.list_scores_array(key)
    if found is None:
        return None
    docs, scores = found
    n = len(docs)
    if n <= FIRST_SLICE:
        cuts = [np.arange(n)]
    else:
        # Best first; equal scores keep document order. As a distance below the top score in the narrowest
        # unsigned type, so that numpy's stable sort is a radix sort (a 79,000-posting list: 0.9 ms
        # against 6.3 ms for the comparison sort of -scores).
        top = int(scores.max())
        below = top - scores
        ranked = np.argsort(below.astype(np.uint16 if top < 1 << 16 else np.uint32), kind="stable")
        cuts, start, size = [], 0, FIRST_SLICE
        while start < n:
            cuts.append(np.sort(ranked[start:start + size]))  # positions ascending = documents ascending
            start += size
            size *= SLICE_GROWTH
    if int(scores.max()) >= 1 << 28 or int(docs[-1]) >= 1 << 28:
        raise ValueError(f"list {key!r}: a score or document number beyond 2**28")
    # Every slice's values in one array, encoded at once, then cut at each slice's bytes.
    values = np.empty(3 * n, dtype=np.int64)
    sizes, at = [], 0
    tops = []
    for part in cuts:
        d, sc = docs[part], scores[part]
        end = at + 3 * len(part)
        values[at:end:3], values[at + 1:end:3], values[at + 2:end:3] = np.diff(d, prepend=0), sc, doc_combo[d]
        sizes.append(len(part))
        tops.append(int(sc.max()))
        at = end
    lengths = 1 + (values >= 1 << 7) + (values >= 1 << 14) + (values >= 1 << 21)
    blob = _varints_array(values)
    ends = np.cumsum(lengths)
    out, start, first = [], 0, 0
    for count, top in zip(sizes, tops, strict=True):
        last = first + 3 * count
        stop = int(ends[last - 1])
        out.append((blob[start:stop], count, top))
        start, first = stop, last
    return n, out


def encode_list(corpus: Corpus, key: str, combo_bytes: list[bytes], doc_combo=None) -> Encoded | None:
    """One list's slices, encoded: (number of postings, [(bytes, postings, top score), ...]), or None.

    ``doc_combo`` (each document's facet combination, a numpy array) lets long lists take the numpy path."""
    if doc_combo is not None and corpus.list_size(key) >= ARRAY_MIN:
        return encode_list_array(corpus, key, doc_combo)
    scores = corpus.list_scores(key)
    if not scores:
        return None
    return len(scores), [(encode_slice(sl, combo_bytes), len(sl), max(s for _d, s in sl)) for sl in slices(scores)]


def _encode_chunk(keys: list[str]) -> list[tuple[str, Encoded | None]]:
    corpus, combo_bytes, doc_combo = _SHARED["corpus"], _SHARED["combo_bytes"], _SHARED["doc_combo"]
    return [(k, encode_list(corpus, k, combo_bytes, doc_combo)) for k in keys]


def encode_lists(corpus: Corpus, keys: list[str], combo_bytes: list[bytes], policy: BuildPolicy,
                 doc_combo: list[int] | None = None, progress: Progress = QUIET) -> dict[str, Encoded]:
    """Score and encode ``keys``, in forked processes when the policy says there are enough (a full build).
    ``doc_combo``: each document's facet combination, for the numpy path of long lists."""
    if doc_combo is not None and keys:
        import numpy as np

        doc_combo = np.array(doc_combo, dtype=np.int64)
    workers = policy.scoring_processes(len(keys))
    with progress.stage("search", total=len(keys), unit="list") as bar:
        if workers <= 1:
            found = []
            for i in range(0, len(keys), 1000):
                found += [(k, encode_list(corpus, k, combo_bytes, doc_combo)) for k in keys[i:i + 1000]]
                bar.update(len(keys[i:i + 1000]))
        else:
            size = max(64, len(keys) // (workers * 16))
            chunks = [keys[i:i + size] for i in range(0, len(keys), size)]
            _SHARED.update(corpus=corpus, combo_bytes=combo_bytes, doc_combo=doc_combo)
            found = []
            try:
                with multiprocessing.get_context("fork").Pool(workers, initializer=worker_started) as pool:
                    for part in pool.imap_unordered(_encode_chunk, chunks):
                        found += part
                        bar.update(len(part))
            finally:
                _SHARED.clear()
    return {k: v for k, v in found if v is not None}


@dataclass
class ExportMemo:
    """What the last export made, kept in memory by a resident build (``chinar.resident``) so that the
    next export redoes only the parts whose inputs changed: the postings files and dictionary entries
    of a shard, a dictionary volume, the typo files, a result-store chunk and volume.

    Each part is keyed by its inputs. Documents and encoded lists that did not change are the very same
    objects from one export to the next (the corpus reuses them, and nothing changes them after they
    are made), so the keys hold the objects and compare them by identity, which costs nothing; holding
    them also keeps their ids from being reused. Every file of an export but the manifest is named by
    its content, so a file named in the last export is already in the live output with those bytes:
    it is kept, not written or read again.
    """

    docs: list = field(default_factory=list)
    doc_combos: list = field(default_factory=list)
    lexicon: CorpusLexicon | None = None
    postings: list | None = None  # the postings the lexicon describes (patched in place build to build)
    keys: list[str] = field(default_factory=list)
    entry_size: dict[str, int] = field(default_factory=dict)
    by_shard: dict[str, list[str]] = field(default_factory=dict)
    facets: tuple = ()  # (facet keys, combo_list, doc_combo, combos, crafts, districts, layout, combo_bytes)
    standing: list = field(default_factory=list)  # for each of ``docs``, the languages it stands in for
    shards: dict[str, tuple[tuple, list[tuple[str, bytes]], dict[str, list]]] = field(default_factory=dict)
    volumes: dict[str, tuple[tuple, list[tuple[str, bytes]], str]] = field(default_factory=dict)
    typo: tuple = ()  # (key terms, files, typo manifest)
    chunks: list[tuple[tuple, bytes]] = field(default_factory=list)
    store: dict[int, tuple[tuple, str]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)  # every file the last export wrote or kept


def _same(a: tuple, b: tuple) -> bool:
    """Two memo keys: equal names and identical objects."""
    return len(a) == len(b) and all(x[0] == y[0] and x[1] is y[1] for x, y in zip(a, b, strict=True))


def pack_shard(members: list[str], sliced: dict[str, list[tuple[bytes, int, int]]]
               ) -> tuple[list[tuple[str, bytes]], dict[str, list]]:
    """The postings files of one dictionary shard and the refs of its lists (see ``export``)."""
    files: list[tuple[str, bytes]] = []
    refs: dict[str, list[list]] = {k: [[] for _ in sliced[k]] for k in members}
    pending: list[tuple[str, int, bytes, int, int]] = []

    def flush() -> None:
        if not pending:
            return
        blob = b"".join(p[2] for p in pending)
        name = f"p/{_hash(blob)}.bin"
        files.append((name, blob))
        offset = 0
        for key, level, data, count, top in pending:
            refs[key][level] = [name, offset, len(data), count, top]
            offset += len(data)
        pending.clear()

    pending_size = 0
    for level in range(max(len(sliced[k]) for k in members)):
        for k in members:
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
    return files, refs


def _facets(catalog: Catalog, docs: list[SearchDoc], memo: ExportMemo | None,
            changed_at: list[int] | None = None) -> tuple:
    """Facet combinations: (combo_list, doc_combo, combos, crafts, districts, layout, combo_bytes).

    ``changed_at``: the only documents that may differ from the last export's (an edit in place, which
    keeps every document's identity and number), so only they are compared."""
    keys = (catalog.keys("craft"), catalog.keys("district"))
    if changed_at is not None and memo is not None and memo.standing and memo.facets \
            and len(memo.docs) == len(docs) and memo.facets[0] == keys:
        standing = memo.standing
        fresh = {i: _combo(docs[i], standing[i]) for i in changed_at}
        if all(memo.doc_combos[i] == c for i, c in fresh.items()):
            memo.docs = list(docs)
            return memo.facets[1:]
        doc_combos = list(memo.doc_combos)
        for i, c in fresh.items():
            doc_combos[i] = c
        return _combos(catalog, docs, memo, keys, standing, doc_combos)
    # Which languages a document stands in for depends on its thing's other versions, not on the
    # document itself: a function of every document's (type, key, language), worked out again whenever
    # that list is not the last export's (an edit that adds or removes a translation, say).
    if memo is not None and memo.standing and len(memo.docs) == len(docs) and all(
            d is p or (d.type, d.key, d.locale) == (p.type, p.key, p.locale)
            for d, p in zip(docs, memo.docs, strict=True)):
        standing = memo.standing
    else:
        standing = stands_in((d.type, d.key, d.locale) for d in docs)
        if memo is not None:
            memo.standing = standing
    if memo is not None and len(memo.docs) == len(docs):
        prev_docs, prev_combos = memo.docs, memo.doc_combos
        doc_combos = [prev_combos[i] if d is prev_docs[i] and prev_combos[i][5] == standing[i]
                      else _combo(d, standing[i]) for i, d in enumerate(docs)]
    else:
        doc_combos = [_combo(d, standing[i]) for i, d in enumerate(docs)]
    if memo is not None and memo.facets and memo.facets[0] == keys and memo.doc_combos == doc_combos:
        memo.docs, memo.doc_combos = list(docs), doc_combos
        return memo.facets[1:]
    return _combos(catalog, docs, memo, keys, standing, doc_combos)


def _combos(catalog: Catalog, docs: list[SearchDoc], memo: ExportMemo | None, keys: tuple, standing: list,
            doc_combos: list[tuple]) -> tuple:
    """``_facets``' result made from each document's combination."""
    combo_count = Counter(doc_combos)
    combo_list = sorted(combo_count, key=lambda c: (-combo_count[c], c))
    combo_id = {c: i for i, c in enumerate(combo_list)}
    doc_combo = [combo_id[c] for c in doc_combos]
    crafts = sorted({c for d in docs for c in d.crafts} | set(keys[0]))
    districts = sorted({c for d in docs for c in d.districts} | set(keys[1]))
    bands = [b for b, _lo, _hi in PRICE_BANDS]
    combos = [[SEARCH_TYPES.index(t), LOCALES.index(loc), bands.index(b) if b else -1,
               [crafts.index(c) for c in cs], [districts.index(x) for x in ds], [LOCALES.index(x) for x in si]]
              for t, loc, b, cs, ds, si in combo_list]
    layout = _hash(repr((doc_combo, combo_list)).encode(), 20)
    combo_bytes = [_VARINT[c] if c < _SMALL else _varint(c) for c in doc_combo]
    found = (combo_list, doc_combo, combos, crafts, districts, layout, combo_bytes)
    if memo is not None:
        memo.docs, memo.doc_combos, memo.facets = list(docs), doc_combos, (keys, *found)
    return found


def export(catalog: Catalog, corpus: Corpus, out: Path | None, policy: BuildPolicy = SERIAL,
           sink: Callable[[str, bytes], object] | None = None, *, memo: ExportMemo | None = None,
           keep: Callable[[str], object] | None = None, progress: Progress = QUIET
           ) -> tuple[dict, str, dict[str, Encoded]]:
    """Write the static index of ``corpus`` (document number i = ``corpus.docs[i]``) to ``out`` (replaced
    as a whole), or give each file to ``sink(f"search-index/{path}", bytes)`` when ``sink`` is set.

    Lists the corpus says are unchanged since the last build are not scored again (their encoded
    slices come from the cache); the rest are scored in as many processes as ``policy`` gives them.
    Returns the stats, the layout (hash of the document numbering and facet combinations the lists were
    encoded with) and every list's encoded slices, for the next build.

    ``memo`` (with ``sink`` and ``keep``): the last export's parts, reused where their inputs are the
    same (see ``ExportMemo``), and updated; a file the last export already named is handed to
    ``keep(f"search-index/{path}")`` instead of ``sink``. The files and bytes are the same either way.
    """
    docs, phrases = corpus.docs, corpus.phrases
    tmp = out.with_name(out.name + ".tmp") if sink is None and out is not None else None
    if tmp is not None and tmp.exists():
        shutil.rmtree(tmp)
    known = memo.files if memo is not None and keep is not None else set()
    w = _Writer(tmp, sink, known, keep)

    changed_at = corpus.changed_at if memo is not None and len(memo.docs) == len(docs) else None
    combo_list, doc_combo, combos, crafts, districts, layout, combo_bytes = _facets(catalog, docs, memo, changed_at)
    bands = [b for b, _lo, _hi in PRICE_BANDS]

    if memo is not None and memo.lexicon is not None and memo.postings is corpus.postings \
            and corpus.dirty is not None:
        lex = CorpusLexicon.patched(memo.lexicon, corpus.postings, corpus.dirty)
    else:
        lex = corpus.lexicon()
    if memo is not None and memo.keys and lex.terms_changed is not True:
        keys = memo.keys
        if lex.terms_changed:  # (added, removed) keys, from CorpusLexicon.patched
            added, removed = lex.terms_changed
            keys = [k for k in keys if k not in removed] if removed else list(keys)
            for k in sorted(added):
                bisect.insort(keys, k)
    else:
        keys = sorted(set(lex.main) | lex.components)
    if memo is not None:
        memo.lexicon, memo.postings, memo.keys = lex, corpus.postings, keys
    reused = corpus.reusable(layout)
    encoded = encode_lists(corpus, [k for k in keys if k not in reused], combo_bytes, policy, doc_combo, progress)
    encoded.update((k, v) for k, v in reused.items() if k in lex.main or k in lex.components)
    lists = {k: encoded[k] for k in keys if k in encoded}

    # Postings: slices, packed into files in dictionary order, one shard at a time.
    sliced = {k: v[1] for k, v in lists.items()}
    entry_size = {k: len(k.encode()) + 12 + 40 * len(s) for k, s in sliced.items()}
    if memo is not None and memo.entry_size == entry_size:
        by_shard = memo.by_shard
    elif memo is not None and memo.entry_size:
        # Shards of different first characters are placed independently: redo only the characters
        # whose keys or sizes changed.
        old_sizes = memo.entry_size
        touched = {k[:1] for k in entry_size.keys() ^ old_sizes.keys()}
        touched |= {k[:1] for k, v in entry_size.items() if old_sizes.get(k, v) != v}
        by_shard = {s: ks for s, ks in memo.by_shard.items() if s[:1] not in touched}
        redo = {k: v for k, v in entry_size.items() if k[:1] in touched}
        assign = shard_keys(redo)
        for k in sorted(redo):
            by_shard.setdefault(assign[k], []).append(k)
        by_shard = dict(sorted(by_shard.items()))
    else:
        assign = shard_keys(entry_size)
        by_shard = {}
        for k in sorted(sliced):
            by_shard.setdefault(assign[k], []).append(k)
    if memo is not None:
        memo.entry_size, memo.by_shard = entry_size, by_shard

    # A list's refs go best slice first whatever file each slice lands in: the client's bound on what
    # it has not fetched yet is the score of the next ref.
    refs: dict[str, list[list]] = {}
    shard_memo: dict[str, tuple[tuple, list[tuple[str, bytes]], dict[str, list]]] = {}
    for shard in sorted(by_shard):
        members = by_shard[shard]
        inputs = tuple((k, lists[k]) for k in members)
        hit = memo.shards.get(shard) if memo is not None else None
        if hit is not None and _same(hit[0], inputs):
            files, shard_refs = hit[1], hit[2]
        else:
            files, shard_refs = pack_shard(members, sliced)
        shard_memo[shard] = (inputs, files, shard_refs)
        for name, blob in files:
            w.write(name, blob)
        refs.update(shard_refs)
    if memo is not None:
        memo.shards = shard_memo

    # Dictionary shards, grouped in volumes by first character.
    volumes: dict[str, list[str]] = {}
    for shard in sorted(by_shard):
        volumes.setdefault(shard[:1], []).append(shard)
    dict_manifest: dict[str, list] = {}
    volume_memo: dict[str, tuple[tuple, list[tuple[str, bytes]], str]] = {}
    for first, shard_list in sorted(volumes.items()):
        inputs = tuple((s, shard_memo[s][2], tuple(lex.main.get(k, lists[k][0]) for k in by_shard[s]))
                       for s in shard_list)
        hit = memo.volumes.get(first) if memo is not None else None
        if hit is not None and len(hit[0]) == len(inputs) and all(
                a[0] == b[0] and a[1] is b[1] and a[2] == b[2] for a, b in zip(hit[0], inputs, strict=True)):
            files, vol = hit[1], hit[2]
        else:
            blobs = [_json({k: [lex.main.get(k, lists[k][0]), refs[k]] for k in by_shard[s]})
                     for s in shard_list]
            vol = _hash(b"\0".join(blobs))
            files = [(f"d/{vol}/{i}.json", blob) for i, blob in enumerate(blobs)]
        volume_memo[first] = (inputs, files, vol)
        for name, blob in files:
            w.write(name, blob)
        dict_manifest[first] = [vol, shard_list]

    # Typo candidates by first and by last character.
    if memo is not None and memo.typo and memo.typo[0] == lex.key_terms:
        typo_files, typo_manifest = memo.typo[1], memo.typo[2]
    else:
        pools: dict[str, dict[str, dict[str, list[str]]]] = {"first": {}, "last": {}}
        for term in lex.key_terms:
            pools["first"].setdefault(term[:1], {}).setdefault(term[:2], []).append(term)
            pools["last"].setdefault(term[-1:], {}).setdefault(term[-2:], []).append(term)
        typo_manifest = {"first": {}, "last": {}}
        typo_files = []
        for side, groups in pools.items():
            for ch, group in sorted(groups.items()):
                blob = _json(group)
                name = _hash(blob)
                typo_files.append((f"t/{name}.json", blob))
                typo_manifest[side][ch] = name
    for name, blob in typo_files:
        w.write(name, blob)

    # Result store: chunks of CHUNK documents, volumes of VOLUME chunks.
    old_chunks = memo.chunks if memo is not None else []

    def chunk(n: int) -> tuple[tuple, bytes]:
        i = n * CHUNK
        part = docs[i:i + CHUNK]
        thumbs = [d.thumb for d in part]
        hit = old_chunks[n] if n < len(old_chunks) else None
        # (documents, thumbnails): the thumbnail is the one field set after a document is made
        if hit is not None and hit[0][1] == thumbs and len(hit[0][0]) == len(part) \
                and all(a is b for a, b in zip(hit[0][0], part, strict=True)):
            return hit
        return (tuple(part), thumbs), _json([[d.url, d.title, d.thumb, d.price] for d in part])

    count = -(-len(docs) // CHUNK)
    if changed_at is not None and len(old_chunks) == count:  # only the chunks of changed documents
        chunks = list(old_chunks)
        for n in sorted({i // CHUNK for i in changed_at}):
            chunks[n] = chunk(n)
    else:
        chunks = [chunk(n) for n in range(count)]
    store_volumes = []
    store_memo: dict[int, tuple[tuple, str]] = {}
    for v in range(0, len(chunks), VOLUME):
        group = tuple(blob for _inputs, blob in chunks[v:v + VOLUME])
        hit = memo.store.get(v) if memo is not None else None
        if hit is not None and len(hit[0]) == len(group) and all(a is b for a, b in zip(hit[0], group, strict=True)):
            vol = hit[1]
        else:
            vol = _hash(b"\0".join(group))
        store_memo[v] = (group, vol)
        for i, blob in enumerate(group):
            w.write(f"s/{vol}/{v + i}.json", blob)
        store_volumes.append(vol)
    if memo is not None:
        memo.volumes, memo.typo, memo.chunks, memo.store = volume_memo, (lex.key_terms, typo_files, typo_manifest), \
            chunks, store_memo

    manifest = {
        "format": FORMAT,
        "documents": len(docs),
        "tables": {**analysis.client_tables(), "token": analysis.TOKEN_PATTERN},
        "query": {"max_chars": query.MAX_QUERY_CHARS, "max_words": query.MAX_WORDS,
                  "prefix_min": query.PREFIX_MIN, "prefix_limit": query.PREFIX_LIMIT,
                  "prefix_coef": query.PREFIX_COEF, "typo_limit": query.TYPO_LIMIT,
                  "typo_coef": {str(k): v for k, v in query.TYPO_COEF.items()}, "full": query.FULL},
        "phrases": [[" ".join(p), g] for p, g in sorted(phrases.items())],
        "languages": client_config(),
        "prices": {loc: price_pattern(loc) for loc in LOCALES},
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
    if memo is not None:
        memo.files = set(w.sizes)
    stats = {"documents": len(docs), "files": w.files, "bytes": w.bytes, "terms": len(lists),
             "lists_scored": len(encoded) - len(reused), "lists_reused": len(reused)}
    return stats, layout, lists
