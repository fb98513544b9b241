"""``chinar pull``: the published catalog, from the CMS's headless API into a content directory.

Speaks plain HTTP to the Wagtail API (``/api/v2/``) and never imports Django, so the static build
stays independent of the CMS. The API side is ``cms/chinar_cms/api.py``:

- ``pages/?record_type=<type>&fields=_,id,record,media`` for each page record type and
  ``districts/?fields=_,id,record,media``; ``record`` is the contract record (null when the CMS
  cannot export it now), ``media`` maps each image ``src`` to a download link of the original.
- ``&since=<ISO time>`` returns only what was published (districts: changed) after that time.

Incremental: the out dir keeps ``.pull-state.json`` (API URL, the server time of the last pull,
which file each CMS object was written to). A later pull fetches only what changed since, lists
the ids still published to delete what was unpublished or deleted, and downloads an image
original only if no file with its content hash is present (``src`` is ``cms/<sha1>.<ext>``).
Originals no record refers to any more are removed (a withdrawn artisan's photos must go).

Atomic: the new snapshot is assembled in a temporary sibling directory, validated with
``load_catalog``, and only then swapped in. Any failure (HTTP error, dropped connection,
invalid content) leaves the previous snapshot exactly as it was.

In place (``in_place=True``, what ``chinar publish`` uses): an incremental pull writes the changed
records straight into the content directory once everything was fetched, and is not validated here
(the resident build checks what it reads). Its cost then follows the changes, not the catalog: no
copy of the snapshot, no reading of every record. A pull interrupted while writing leaves the state
file as it was, so the next pull fetches the same changes again. The report lists the files changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import orjson

from .content import load_catalog
from .errors import ContentError
from .progress import QUIET, Progress
from .record_types import SCHEMA_VERSION, TYPE_DIRS, TYPES

log = logging.getLogger(__name__)

STATE_FILE = ".pull-state.json"
PAGE_SIZE = 100
# Server clock skew and requests in flight: re-fetching a little is harmless, missing a change is not.
SINCE_MARGIN = timedelta(seconds=5)


class PullError(Exception):
    """The pull could not complete; the previous snapshot was left untouched."""


class HTTPStatusError(PullError):
    """The CMS answered with an HTTP error status (``status``)."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


class InvalidSnapshot(PullError):
    """What the CMS sent does not validate against the contract (``problems``: each file and field)."""

    def __init__(self, message: str, problems: list | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass
class PullReport:
    full: bool
    written: int = 0
    removed: int = 0
    downloaded: int = 0
    media_removed: int = 0
    records: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    # Content-relative paths of the record and image files this pull wrote or removed.
    changed: list[str] = field(default_factory=list)
    # The CMS's clock when the pull started (ISO, UTC): everything published before it is in the snapshot;
    # ``since``: what the next pull asks for (a little earlier, ``SINCE_MARGIN``).
    pulled_at: str = ""
    since: str = ""

    def __str__(self) -> str:
        kind = "full" if self.full else "incremental"
        return (
            f"{kind} pull: {self.written} record(s) written, {self.removed} removed, "
            f"{self.downloaded} image(s) downloaded, {self.media_removed} image(s) removed; "
            f"snapshot has {self.records} record(s)"
        )


class Api:
    """A tiny JSON-over-HTTP client for the CMS API (urllib: no extra dependency for the build)."""

    def __init__(self, base: str, timeout: float = 30.0):
        self.base = base.rstrip("/") + "/"
        self.timeout = timeout
        self.server_time: datetime | None = None

    def url(self, path: str, **params: Any) -> str:
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        return urllib.parse.urljoin(self.base, path) + (f"?{query}" if query else "")

    def get(self, url: str) -> bytes:
        try:
            with urllib.request.urlopen(url, timeout=self.timeout) as resp:  # noqa: S310 - operator-given URL
                body = resp.read()
                if self.server_time is None and resp.headers.get("Date"):
                    self.server_time = parsedate_to_datetime(resp.headers["Date"])
                return body
        except urllib.error.HTTPError as exc:
            raise HTTPStatusError(f"{url}: the CMS answered HTTP {exc.code} {exc.reason}", exc.code) from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise PullError(f"{url}: could not reach the CMS ({reason})") from exc

    def json(self, url: str) -> Any:
        body = self.get(url)
        try:
            return json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise PullError(f"{url}: the CMS answered something that is not JSON ({exc})") from exc

    def listing(self, path: str, **params: Any) -> list[dict]:
        """Every item of a paginated listing (Wagtail's limit/offset pagination)."""
        items: list[dict] = []
        offset = 0
        while True:
            data = self.json(self.url(path, limit=PAGE_SIZE, offset=offset, **params))
            try:
                page, total = data["items"], data["meta"]["total_count"]
            except (KeyError, TypeError) as exc:
                raise PullError(f"{self.url(path)}: unexpected listing shape (no items/meta.total_count)") from exc
            items.extend(page)
            offset += len(page)
            if not page or offset >= total:
                return items


def _published_ids(api: Api) -> dict[str, set[str]] | None:
    """Every published object id by record type in one request (``published/``), or None when the
    CMS does not offer it (then each type's listing is read page by page: 1,000 requests at 100,000)."""
    try:
        data = api.json(api.url("published/"))
    except HTTPStatusError as exc:
        if exc.status == 404:
            return None
        raise
    if isinstance(data, dict) and isinstance(data.get("now"), str):
        # The CMS's clock to the microsecond (Date has whole seconds): when this pull started, for ``pulled_at``.
        api.server_time = datetime.fromisoformat(data["now"].replace("Z", "+00:00"))
    try:
        return {type_: {f"{'district' if type_ == 'district' else 'page'}:{i}" for i in data["ids"][type_]}
                for type_ in TYPES}
    except (KeyError, TypeError) as exc:
        raise PullError(f"{api.url('published/')}: unexpected shape (no ids for every record type)") from exc


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _endpoint(type_: str) -> tuple[str, dict[str, str]]:
    if type_ == "district":
        return "districts/", {}
    return "pages/", {"record_type": type_}


def _record_path(rec: dict) -> str:
    return f"{TYPE_DIRS[rec['type']]}/{rec['translation_key']}.{rec['locale']}.json"


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _srcs(value: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        if "src" in value and "alt" in value and isinstance(value["src"], str):
            found.add(value["src"])
        for v in value.values():
            found |= _srcs(v)
    elif isinstance(value, list):
        for v in value:
            found |= _srcs(v)
    return found


def _read_state(out: Path, api: str) -> dict | None:
    path = out / STATE_FILE
    if not path.is_file():
        return None
    try:
        state = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        log.warning("ignoring unreadable %s: doing a full pull", path)
        return None
    if state.get("api") != api or state.get("schema_version") != SCHEMA_VERSION:
        return None
    return state


def _prepare_workdir(out: Path, state: dict | None) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.pull-", dir=out.parent))
    if state is not None:
        shutil.copytree(out, work, dirs_exist_ok=True)
    elif (out / "schemas").is_dir():
        shutil.copytree(out / "schemas", work / "schemas")  # pulling into the repository's content/
    return work


def _swap(work: Path, out: Path) -> None:
    """Put ``work`` where ``out`` is, keeping ``out`` if anything goes wrong."""
    backup = out.with_name(f".{out.name}.old-{os.getpid()}")
    if out.exists():
        os.rename(out, backup)
    try:
        os.rename(work, out)
    except OSError:
        if backup.exists():
            os.rename(backup, out)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def _download(api: Api, url: str, dest: Path, src: str) -> None:
    body = api.get(url)
    expected = Path(src).stem
    actual = hashlib.sha1(body).hexdigest()  # noqa: S324 - content address, as Wagtail's file_hash
    if len(expected) == 40 and actual != expected:
        raise PullError(f"{url}: downloaded image does not match its content hash ({actual} != {expected})")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    tmp.write_bytes(body)
    os.replace(tmp, dest)


def pull(api_url: str, out: Path | str, *, full: bool = False, timeout: float = 30.0, since: str | None = None,
         in_place: bool = False, progress: Progress = QUIET) -> PullReport:
    """Pull the published catalog from ``api_url`` into ``out`` (see the module docstring).

    If an incremental pull does not validate (say a craft was unpublished, and an artisan that
    was not republished still refers to it), it is redone as a full pull, which re-exports every
    record against what is public now. ``since`` (ISO time) replaces the state's when earlier: the
    changes since then are fetched again (``chinar publish`` keeps the time of its last deploy).
    ``in_place``: an incremental pull writes into ``out`` without copying or validating it.
    """
    out = Path(out)
    api = Api(api_url, timeout=timeout)
    state = None if full else _read_state(out, api.base)
    if state is not None:
        if since and since < state["since"]:
            state = {**state, "since": since}
        try:
            return _pull(api, out, state, in_place, progress)
        except InvalidSnapshot as exc:
            log.warning("incremental pull did not validate, doing a full pull: %s", exc)
            api = Api(api_url, timeout=timeout)
    return _pull(api, out, None, False, progress)


def _pull(api: Api, out: Path, state: dict | None, in_place: bool, progress: Progress = QUIET) -> PullReport:
    report = PullReport(full=state is None)
    index: dict[str, str] = dict(state["records"]) if state else {}
    images: dict[str, list[str]] | None = dict(state["media"]) if state and "media" in state else None
    since = state["since"] if state else None
    in_place = in_place and state is not None
    work = out if in_place else _prepare_workdir(out, state)
    try:
        # Fetch everything first, then write: a pull that fails half way writes nothing.
        writes: dict[str, dict] = {}
        removes: set[str] = set()
        media_urls: dict[str, str] = {}
        published = _published_ids(api)
        ours_by_type: dict[str, set[str]] = {}
        for obj_id, rel in index.items():
            ours_by_type.setdefault(rel.partition("/")[0], set()).add(obj_id)
        for type_ in TYPES:
            path, params = _endpoint(type_)
            prefix = "district:" if type_ == "district" else "page:"
            visible = (published[type_] if published is not None else
                       {f"{prefix}{item['id']}" for item in api.listing(path, fields="_,id", **params)})
            changed = api.listing(path, fields="_,id,record,media", since=since, **params)
            fetched = {f"{prefix}{item['id']}" for item in changed}
            # Published without a new publish date (e.g. a view restriction lifted): fetch those too.
            for obj_id in sorted(visible - fetched - set(index)):
                changed.append(api.json(api.url(f"{path}{obj_id.split(':')[1]}/", fields="_,id,record,media")))
            ours = {k for k in ours_by_type.get(TYPE_DIRS[type_], ()) if k.startswith(prefix) and k in index}
            for obj_id in sorted(ours - visible):
                removes.add(index.pop(obj_id))
                report.removed += 1
            for item in changed:
                obj_id = f"{prefix}{item['id']}"
                rec = item.get("record")
                old = index.pop(obj_id, None)
                if old:
                    removes.add(old)
                if rec is None:
                    if old:
                        report.removed += 1
                    continue
                if rec.get("type") != type_:
                    raise PullError(f"{path}{item['id']}: record type {rec.get('type')!r} is not {type_!r}")
                rel = _record_path(rec)
                writes[rel] = rec
                index[obj_id] = rel
                media_urls.update(item.get("media") or {})
                report.written += 1
        # Image originals: download what is missing, drop what nothing refers to any more.
        if images is None:  # a state written before the pull kept each record's images: read them once
            images = {rel: sorted(_srcs(json.loads((work / rel).read_text(encoding="utf-8"))))
                      for rel in index.values() if rel not in writes and (work / rel).is_file()}
        for rel in removes:
            images.pop(rel, None)
        for rel, rec in writes.items():
            images[rel] = sorted(_srcs(rec))
        images = {rel: srcs for rel, srcs in images.items() if srcs}
        wanted = {src for srcs in images.values() for src in srcs}
        # In place, the snapshot already holds every image of the records it had: look at the new ones only.
        candidates = sorted({src for rec in writes.values() for src in _srcs(rec)} if in_place else wanted)
        missing = [src for src in candidates if not (work / "media" / src).is_file()]
        with progress.stage("pull images", total=len(missing), unit="image") as bar:
            for src in missing:
                if src not in media_urls:
                    raise PullError(f"image {src} is referenced but the CMS gave no download link for it")
                _download(api, media_urls[src], work / "media" / src, src)
                report.downloaded += 1
                report.changed.append(f"media/{src}")
                bar.update(1)
        for rel in sorted(removes - set(writes)):
            (work / rel).unlink(missing_ok=True)
            report.changed.append(rel)
        for rel, rec in sorted(writes.items()):
            _write_json(work / rel, rec)
            report.changed.append(rel)
        media_dir = work / "media" / "cms"
        if media_dir.is_dir():
            for f in sorted(media_dir.iterdir()):
                if f"cms/{f.name}" not in wanted and not f.name.endswith((".tmp", ".part")):
                    f.unlink()
                    report.media_removed += 1
                    report.changed.append(f"media/cms/{f.name}")
        _write_json(work / "manifest.json", {"schema_version": SCHEMA_VERSION})
        if in_place:
            report.records = len(index)
        else:
            try:
                catalog = load_catalog(work)
            except ContentError as exc:
                raise InvalidSnapshot(
                    f"the pulled content is not valid; the previous snapshot is kept:\n{exc}", exc.problems) from exc
            report.records = catalog.count()
        started = api.server_time or datetime.now(UTC)
        report.pulled_at, report.since = _iso(started), _iso(started - SINCE_MARGIN)
        # orjson, compact: at 100,000 records this file is read and written on every pull.
        state_path = work / STATE_FILE
        state_path.with_suffix(".tmp").write_bytes(orjson.dumps(
            {"api": api.base, "schema_version": SCHEMA_VERSION, "since": report.since, "records": index,
             "media": images}, option=orjson.OPT_SORT_KEYS))
        os.replace(state_path.with_suffix(".tmp"), state_path)
        if not in_place:
            _swap(work, out)
    except BaseException:
        if not in_place:
            shutil.rmtree(work, ignore_errors=True)
        raise
    log.info("%s", report)
    return report


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--api", required=True, help="the CMS API, e.g. http://127.0.0.1:8000/api/v2/")
    parser.add_argument("--out", type=Path, default=Path("content"), help="content directory (default: content)")
    parser.add_argument("--full", action="store_true", help="fetch everything, not only what changed")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for each HTTP request")


def run(args: argparse.Namespace) -> int:
    try:
        report = pull(args.api, args.out, full=args.full, timeout=args.timeout, progress=Progress())
    except PullError as exc:
        print(f"chinar pull: {exc}", file=sys.stderr)
        print(f"chinar pull: {args.out} was left as it was", file=sys.stderr)
        return 1
    print(f"{args.out}: {report}")
    return 0
