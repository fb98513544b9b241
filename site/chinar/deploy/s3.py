"""Upload the output tree to an S3 bucket, incrementally and in an order that is never half-visible.

Network happens only here. The contract:

* what to upload comes from :mod:`chinar.deploy.plan` (content hashes, never size or mtime);
* each object carries an explicit Content-Type, the Cache-Control of ``netlify.toml``, and its
  sha256 in metadata (``x-amz-meta-sha256``); a manifest object
  (:data:`~chinar.deploy.plan.MANIFEST_NAME`) caches those facts with each object's ETag so a
  deploy needs one listing instead of one HEAD per object. A manifest entry is trusted only while
  the listed ETag still matches, so a stale or lost manifest costs HEAD requests, not correctness;
* phases run strictly one after another and a phase starts only when every upload of the previous
  one succeeded (botocore retries throttling, 5xx and connection errors with backoff first). After
  a failure nothing more is uploaded and nothing is deleted, so no live page references an asset
  that is not in the bucket, and a rerun converges.

Credentials come only from the standard AWS chain (environment, shared config/profile, container
or instance role); retry mode and attempts honour ``AWS_RETRY_MODE`` / ``AWS_MAX_ATTEMPTS``.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    NoCredentialsError,
    PartialCredentialsError,
    ReadTimeoutError,
)

from .plan import MANIFEST_NAME, LocalFile, Phase, Plan, RemoteObject, local_file, make_plan, scan_output
from .rules import HeaderRules

log = logging.getLogger(__name__)

DEFAULT_MAX_ATTEMPTS = 5
MANIFEST_VERSION = 1
_CREDENTIAL_CODES = frozenset({
    "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken",
    "TokenRefreshRequired", "InvalidClientTokenId", "AuthFailure", "UnrecognizedClientException",
})


class DeployError(Exception):
    """A deploy that cannot start or did not finish; ``str()`` is one line for the operator."""


@dataclass(frozen=True)
class Target:
    """``s3://BUCKET[/PREFIX]``; ``prefix`` is empty or ends with ``/``."""

    bucket: str
    prefix: str = ""

    @classmethod
    def parse(cls, url: str) -> Target:
        if not url.startswith("s3://"):
            raise ValueError(f"expected s3://BUCKET[/PREFIX], got {url!r}")
        bucket, _, prefix = url[len("s3://"):].partition("/")
        if not bucket:
            raise ValueError(f"no bucket name in {url!r}")
        prefix = prefix.strip("/")
        return cls(bucket, prefix + "/" if prefix else "")

    def key(self, rel: str) -> str:
        return self.prefix + rel

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"


@dataclass
class Result:
    """What a deploy did (or, with ``dry_run``, would do)."""

    plan: Plan
    dry_run: bool = False
    uploaded: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    bytes_uploaded: int = 0

    def summary(self) -> str:
        if self.dry_run:
            return (f"dry run: would upload {len(self.plan.uploads)} files "
                    f"({_human(self.plan.upload_bytes)}), unchanged {len(self.plan.unchanged)}, "
                    f"would delete {len(self.plan.stale)}")
        return (f"uploaded {len(self.uploaded)} files ({_human(self.bytes_uploaded)}), "
                f"unchanged {len(self.plan.unchanged)}, deleted {len(self.deleted)}")


def _human(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB"):
        if size < 1024 or unit == "MiB":
            return f"{n} B" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"  # pragma: no cover


def make_client(endpoint_url: str | None = None, workers: int = 8) -> Any:
    """An S3 client from the standard credential chain with retries suited to bulk uploads.

    Retries use botocore's ``standard`` mode (exponential backoff with jitter on throttling,
    5xx and connection errors) unless ``AWS_RETRY_MODE`` says otherwise; attempts come from
    ``AWS_MAX_ATTEMPTS`` / the profile's ``max_attempts``, else :data:`DEFAULT_MAX_ATTEMPTS`.
    A custom endpoint (MinIO, moto, ...) gets path-style addressing.
    """
    session = boto3.session.Session()
    core = session._session  # botocore session: reads env vars and the shared config file
    retries: dict[str, Any] = {"mode": core.get_config_variable("retry_mode") or "standard"}
    if core.get_config_variable("max_attempts") is None:
        retries["total_max_attempts"] = DEFAULT_MAX_ATTEMPTS
    config = Config(
        retries=retries,
        max_pool_connections=max(10, workers + 2),
        connect_timeout=10,
        read_timeout=60,
        s3={"addressing_style": "path"} if endpoint_url else None,
    )
    return session.client("s3", endpoint_url=endpoint_url, config=config)


def describe_error(exc: BaseException, target: Target, endpoint: str | None = None) -> str:
    """One line an operator can act on, for the errors a deploy meets in practice."""
    where = endpoint or "the AWS S3 endpoint"
    if isinstance(exc, NoCredentialsError):
        return ("no AWS credentials found (looked in the environment, the shared config/profile "
                "and the instance role)")
    if isinstance(exc, PartialCredentialsError):
        return f"incomplete AWS credentials: {exc}"
    if isinstance(exc, EndpointConnectionError | ConnectTimeoutError):
        return f"cannot connect to {where}: connection refused or unreachable"
    if isinstance(exc, ReadTimeoutError):
        return f"{where} stopped responding (read timeout)"
    if isinstance(exc, ClientError):
        err = exc.response.get("Error", {})
        code = str(err.get("Code", ""))
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        message = err.get("Message") or ""
        if code == "NoSuchBucket" or (code == "404" and exc.operation_name == "HeadBucket"):
            return f"bucket {target.bucket!r} does not exist at {where}"
        if code in _CREDENTIAL_CODES:
            return f"the credentials were rejected by {where} ({code}): {message}".rstrip(": ")
        if code in {"AccessDenied", "403", "AllAccessDisabled"}:
            return (f"access denied to {target} ({code}): the credentials lack permission "
                    "(s3:ListBucket, s3:GetObject, s3:PutObject, s3:DeleteObject)")
        return f"S3 {exc.operation_name} failed with HTTP {status} {code}: {message}".rstrip(": ")
    if isinstance(exc, BotoCoreError):
        return f"S3 request failed: {exc}"
    return f"{type(exc).__name__}: {exc}"


class _Deployer:
    """One deploy run: holds the client, the target and the manifest state shared by workers."""

    def __init__(self, client: Any, target: Target, rules: HeaderRules, workers: int,
                 progress: Callable[[int], None]):
        self.client = client
        self.target = target
        self.rules = rules
        self.workers = max(1, workers)
        self.progress = progress
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.state: dict[str, dict[str, str]] = {}  # rel -> manifest entry, what the bucket holds

    # -- reading the bucket ---------------------------------------------------------------------

    def list_keys(self) -> dict[str, str]:
        """rel -> ETag (unquoted) of every object under the prefix; the first request made."""
        out: dict[str, str] = {}
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.target.bucket, Prefix=self.target.prefix)
        for page in pages:
            for obj in page.get("Contents", []):
                out[obj["Key"][len(self.target.prefix):]] = obj["ETag"].strip('"')
        return out

    def read_manifest(self, listed: dict[str, str]) -> dict[str, dict[str, str]]:
        if MANIFEST_NAME not in listed:
            return {}
        try:
            body = self.client.get_object(Bucket=self.target.bucket,
                                          Key=self.target.key(MANIFEST_NAME))["Body"].read()
            data = json.loads(body)
            if data.get("version") != MANIFEST_VERSION:
                raise ValueError(f"unknown manifest version {data.get('version')!r}")
            return dict(data["objects"])
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring unreadable deploy manifest (%s); reading object metadata instead", exc)
            return {}

    def head(self, rel: str, etag: str) -> RemoteObject:
        r = self.client.head_object(Bucket=self.target.bucket, Key=self.target.key(rel))
        return RemoteObject(rel, etag, r.get("Metadata", {}).get("sha256"),
                            r.get("ContentType"), r.get("CacheControl"))

    def remote_state(self, local: dict[str, LocalFile], listed: dict[str, str],
                     pool: ThreadPoolExecutor) -> dict[str, RemoteObject]:
        """What is known about every listed key: from the manifest when its ETag still matches,
        else from the object's own metadata (one HEAD each, in parallel)."""
        manifest = self.read_manifest(listed)
        remote: dict[str, RemoteObject] = {}
        to_head = []
        for rel, etag in listed.items():
            if rel == MANIFEST_NAME:
                continue
            entry = manifest.get(rel)
            if entry and entry.get("etag") == etag:
                remote[rel] = RemoteObject(rel, etag, entry.get("sha256"), entry.get("content_type"),
                                           entry.get("cache_control"))
            else:
                to_head.append((rel, etag))
        if to_head:
            log.info("reading metadata of %d objects the manifest does not describe", len(to_head))
        for obj in pool.map(lambda a: self.head(*a), to_head):
            remote[obj.rel] = obj
        for obj in remote.values():
            if obj.sha256:
                self.state[obj.rel] = {"sha256": obj.sha256, "etag": obj.etag,
                                       "content_type": obj.content_type or "",
                                       "cache_control": obj.cache_control or ""}
        return remote

    # -- writing --------------------------------------------------------------------------------

    def upload(self, f: LocalFile) -> bool:
        if self.stop.is_set():
            return False
        with f.path.open("rb") as body:
            r = self.client.put_object(
                Bucket=self.target.bucket, Key=self.target.key(f.rel), Body=body,
                ContentType=f.content_type, CacheControl=f.cache_control,
                Metadata={"sha256": f.sha256},
            )
        with self.lock:
            self.state[f.rel] = {"sha256": f.sha256, "etag": r["ETag"].strip('"'),
                                 "content_type": f.content_type, "cache_control": f.cache_control}
        self.progress(1)
        return True

    def run_phase(self, pool: ThreadPoolExecutor, files: list[LocalFile], result: Result) -> None:
        """Upload ``files`` in parallel; return only when all succeeded, else raise the first error."""
        futures = {pool.submit(self.upload, f): f for f in files}
        failure: tuple[LocalFile, BaseException] | None = None
        for fut in as_completed(futures):
            f = futures[fut]
            try:
                if fut.result():
                    result.uploaded.append(f.rel)
                    result.bytes_uploaded += f.size
            except Exception as exc:  # noqa: BLE001 - every failure stops the deploy the same way
                self.stop.set()
                if failure is None:
                    failure = (f, exc)
        if failure:
            f, exc = failure
            raise _UploadFailed(f.rel, exc)

    def delete(self, keys: list[str], result: Result) -> None:
        for start in range(0, len(keys), 1000):
            chunk = keys[start:start + 1000]
            r = self.client.delete_objects(Bucket=self.target.bucket, Delete={
                "Objects": [{"Key": self.target.key(k)} for k in chunk], "Quiet": True})
            errors = r.get("Errors", [])
            failed = {e["Key"][len(self.target.prefix):] for e in errors}
            for k in chunk:
                if k not in failed:
                    result.deleted.append(k)
                    self.state.pop(k, None)
                    self.progress(1)
            if errors:
                e = errors[0]
                raise DeployError(f"could not delete {e['Key']!r}: {e.get('Code')} {e.get('Message', '')}"
                                  f" ({len(errors)} failures)")

    def write_manifest(self) -> None:
        body = json.dumps({"version": MANIFEST_VERSION, "objects": dict(sorted(self.state.items()))},
                          indent=0, sort_keys=True).encode()
        self.client.put_object(Bucket=self.target.bucket, Key=self.target.key(MANIFEST_NAME),
                               Body=body, ContentType="application/json; charset=utf-8",
                               CacheControl="no-store")


class _UploadFailed(Exception):
    def __init__(self, rel: str, cause: BaseException):
        super().__init__(rel)
        self.rel = rel
        self.cause = cause


def deploy(output: Path, target: Target, rules: HeaderRules, *, client: Any,
           endpoint_url: str | None = None, delete: bool = False, dry_run: bool = False,
           workers: int = 8, progress_factory: Callable[[int], Any] | None = None,
           assets_only: bool = False) -> Result:
    """Make ``target`` hold exactly ``output`` (plus stale objects unless ``delete``).

    Raises :class:`DeployError` with a one-line message on any failure; by then the bucket is
    in a consistent state (see module docstring) and nothing has been deleted unless every
    upload succeeded. ``progress_factory(total)`` returns a tqdm-like bar (``update``/``close``).
    ``assets_only``: upload only the content-named assets (static files, renditions), delete nothing and
    leave the deploy manifest alone: what each shard of a sharded build does, at the same time as the
    others, before the merge deploys the pages that name them.
    """
    deployer = _Deployer(client, target, rules, workers, progress=lambda n: None)
    return _deploy(deployer, output, endpoint_url, delete and not assets_only, dry_run, progress_factory,
                   assets_only)


def _deploy(deployer: _Deployer, output: Path, endpoint_url: str | None, delete: bool, dry_run: bool,
            progress_factory: Callable[[int], Any] | None, assets_only: bool = False) -> Result:
    target, rules = deployer.target, deployer.rules
    local = scan_output(output, rules)
    if assets_only:
        local = {rel: f for rel, f in local.items() if f.phase is Phase.ASSETS}
    bar = None
    deployer.progress = lambda n: bar and bar.update(n)
    with ThreadPoolExecutor(max_workers=deployer.workers, thread_name_prefix="deploy") as pool:
        try:
            listed = deployer.list_keys()
            remote = deployer.remote_state(local, listed, pool)
        except (BotoCoreError, ClientError) as exc:
            raise DeployError(describe_error(exc, target, endpoint_url)) from exc
        plan = make_plan(local, remote, stale_candidates=(k for k in listed if k != MANIFEST_NAME))
        for rel in () if assets_only else plan.foreign:
            log.warning("left in place: %s was not uploaded by chinar deploy", target.key(rel))
        result = Result(plan, dry_run=dry_run)
        if dry_run:
            return result
        deletes = plan.delete_batches(rules) if delete else []
        total = len(plan.uploads) + sum(map(len, deletes))
        bar = progress_factory(total) if progress_factory and total else None
        try:
            _apply(deployer, pool, plan, deletes, result, target, endpoint_url, manifest=not assets_only)
        finally:
            if bar is not None:
                bar.close()
    return result


class Bucket:
    """A bucket kept in step with one output tree over many deploys: what ``chinar publish`` uses.

    ``sync`` is a whole ``chinar deploy --delete`` and remembers what the bucket holds. ``push`` then
    deploys one build's changes: it hashes only the files the build changed, uploads those that differ
    from what the bucket holds, in the same phases, and deletes the files the build removed (only
    objects a deploy put there), without listing the bucket or hashing the rest of the output. The
    deploy manifest (megabytes at 100,000 pages) is written by ``sync`` and ``save_manifest`` (when the
    publisher is idle), not by each push: a manifest behind the bucket costs the next full deploy
    HEAD requests for the objects pushed since, never correctness (entries are trusted by ETag).
    """

    def __init__(self, target: Target, rules: HeaderRules, *, client: Any, endpoint_url: str | None = None,
                 workers: int = 8) -> None:
        self.target, self.rules, self.endpoint_url = target, rules, endpoint_url
        self._deployer = _Deployer(client, target, rules, workers, progress=lambda n: None)
        self.synced = False  # what the bucket holds is known (a sync succeeded)
        self.manifest_behind = False

    def __str__(self) -> str:
        return str(self.target)

    def sync(self, output: Path) -> Result:
        """Make the bucket hold exactly ``output`` (a full, hashing deploy with ``--delete``)."""
        self.synced = False
        self._deployer.state.clear()
        self._deployer.stop.clear()
        result = _deploy(self._deployer, output, self.endpoint_url, True, False, None)
        self.synced, self.manifest_behind = True, False
        return result

    def push(self, output: Path, changed: Iterable[str], removed: Iterable[str]) -> Result:
        """Deploy the files one or more builds changed (``changed``) and removed (``removed``).

        Needs a successful ``sync`` first (the bucket's contents are known). Raises DeployError as
        ``deploy`` does, with the bucket consistent; pushing the same lists again finishes the job.
        """
        if not self.synced:
            raise DeployError("push before a successful sync: the bucket's contents are unknown")
        deployer = self._deployer
        deployer.stop.clear()
        local = {rel: local_file(output, rel, self.rules) for rel in sorted(set(changed))
                 if (output / rel).is_file()}
        remote = {}
        for rel in set(local) | set(removed):
            entry = deployer.state.get(rel)
            if entry:
                remote[rel] = RemoteObject(rel, entry["etag"], entry["sha256"], entry["content_type"],
                                           entry["cache_control"])
        stale = [rel for rel in removed if rel not in local]
        plan = make_plan(local, remote, stale_candidates=stale)
        result = Result(plan)
        with ThreadPoolExecutor(max_workers=deployer.workers, thread_name_prefix="deploy") as pool:
            _apply(deployer, pool, plan, plan.delete_batches(self.rules), result, self.target, self.endpoint_url,
                   manifest=False)
        if result.uploaded or result.deleted:
            self.manifest_behind = True
        return result

    def save_manifest(self) -> None:
        """Write the deploy manifest if pushes have moved the bucket ahead of it."""
        if not self.manifest_behind:
            return
        try:
            self._deployer.write_manifest()
        except (BotoCoreError, ClientError) as exc:
            raise DeployError(f"recording the deploy manifest failed: "
                              f"{describe_error(exc, self.target, self.endpoint_url)}") from exc
        self.manifest_behind = False


def _apply(deployer: _Deployer, pool: ThreadPoolExecutor, plan: Plan, deletes: Iterable[list[str]],
           result: Result, target: Target, endpoint_url: str | None, manifest: bool = True) -> None:
    """Run the phases; on failure raise DeployError saying what failed and what state is live.

    ``manifest``: record the deploy manifest after the uploads and after the deletions (``Bucket.push``
    leaves it to ``Bucket.save_manifest``)."""
    step = "recording the deploy manifest"
    dirty = False
    try:
        for phase in Phase:
            files = plan.phase(phase)
            if not files:
                continue
            log.info("phase %s: uploading %d files", phase.name.lower(), len(files))
            dirty = True
            deployer.run_phase(pool, files, result)
        # Once per run, not per phase: on a large site the manifest is megabytes. A run killed
        # before this point only costs the next run HEAD requests for the objects it uploaded.
        if dirty and manifest:
            deployer.write_manifest()
            dirty = False
        for batch in deletes:
            log.info("deleting %d stale objects", len(batch))
            step = "deleting stale objects"
            dirty = True
            deployer.delete(batch, result)
        if dirty and manifest:
            step = "recording the deploy manifest after deleting"
            deployer.write_manifest()
            dirty = False
    except _UploadFailed as exc:
        _save_manifest_best_effort(deployer, dirty and manifest)
        raise DeployError(
            f"upload of {target.key(exc.rel)} failed: {describe_error(exc.cause, target, endpoint_url)}"
            f" — stopped after {len(result.uploaded)} of {len(plan.uploads)} uploads; pages that "
            "would reference missing files were not uploaded and nothing was deleted; rerun to finish"
        ) from exc.cause
    except (BotoCoreError, ClientError) as exc:
        _save_manifest_best_effort(deployer, dirty and manifest)
        done = (f"{len(result.uploaded)} of {len(plan.uploads)} uploads and "
                f"{len(result.deleted)} deletions done")
        raise DeployError(f"{step} failed: {describe_error(exc, target, endpoint_url)} — {done}; "
                          "the live pages are consistent; rerun to finish") from exc


def _save_manifest_best_effort(deployer: _Deployer, dirty: bool) -> None:
    """Record the uploads that did succeed so the rerun skips them; harmless if it fails too."""
    if not dirty:
        return
    try:
        deployer.write_manifest()
    except (BotoCoreError, ClientError) as exc:
        log.debug("could not update the deploy manifest after the failure: %s", exc)
