"""``chinar publish``: the publisher service — an editor's "Publish" in the CMS becomes a live page in seconds.

A long-running process next to the CMS (or on another host). The CMS's build hook (a signed POST, see
``auth``) wakes it; each wake-up runs one cycle (``cycle``): pull what changed since the last deploy
into its content directory, rebuild the affected pages and search files with the build kept in memory
(``chinar.resident``, as ``chinar serve --watch``), deploy the files that build changed to S3 or a local
folder (assets before pages, as ``chinar deploy``), and report the outcome to the CMS (``cms``), where
the editor sees it. Hooks that arrive during a cycle are folded into one next cycle; cycles never run in
parallel and no hook is dropped (``listener``). An unreachable CMS or bucket is retried with backoff;
bad content fails the cycle with the record and field named, and the live site stays as it was.

Modules: ``auth`` (signatures), ``listener`` (the HTTP process), ``cycle`` (a cycle and its state),
``cms`` (status reports). Operations: docs/publish.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time
from pathlib import Path

log = logging.getLogger(__name__)


def _listen(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    try:
        return host or "127.0.0.1", int(port)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {value!r}") from None


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = ("Run the publisher: wait for the CMS's signed build hook, then pull what changed, rebuild "
                          "it in memory and deploy the changed files; report each cycle to the CMS. The shared "
                          "secret comes from the environment (CHINAR_PUBLISH_SECRET), never from an option.")
    parser.add_argument("--api", required=True, metavar="URL",
                        help="the CMS API to pull from, e.g. http://127.0.0.1:8001/api/v2/")
    parser.add_argument("--deploy", required=True, metavar="TARGET",
                        help="where the site goes live: s3://BUCKET[/PREFIX] (credentials from the standard AWS "
                             "chain) or a local folder a web server serves")
    parser.add_argument("--listen", type=_listen, default=("127.0.0.1", 8010), metavar="HOST:PORT",
                        help="address of the build-hook endpoint (POST /hook) and of GET /health; port 0 picks "
                             "a free one (printed at start; default: 127.0.0.1:8010)")
    parser.add_argument("--state", type=Path, default=Path(".cache/publish"), metavar="DIR",
                        help="the publisher's own folder: its state, and by default its content, output and cache "
                             "(default: %(default)s)")
    parser.add_argument("--content", type=Path, default=None, metavar="DIR",
                        help="content directory the CMS is pulled into (default: STATE/content)")
    parser.add_argument("--output", type=Path, default=None, metavar="DIR",
                        help="build output, the copy deployed from (default: STATE/output)")
    parser.add_argument("--cache", type=Path, default=None, metavar="DIR",
                        help="build cache: build state and image renditions (default: STATE/cache)")
    parser.add_argument("--base-url", default="", metavar="URL",
                        help="the public site's URL, for canonical links, feeds and the sitemap")
    parser.add_argument("--cms-status", default=None, metavar="URL",
                        help="where cycle reports are POSTed (default: the API's publish-status/ endpoint; "
                             "'none' to only log them)")
    parser.add_argument("--endpoint-url", default=None, metavar="URL",
                        help="S3-compatible endpoint (MinIO, a local server; default: AWS or AWS_ENDPOINT_URL)")
    parser.add_argument("--window", type=float, default=300.0, metavar="SECONDS",
                        help="signed requests older or newer than this are refused; replays are remembered as long "
                             "(default: %(default)s)")
    parser.add_argument("--retry-min", type=float, default=2.0, metavar="SECONDS",
                        help="first wait before retrying when the CMS or the target cannot be reached "
                             "(default: %(default)s)")
    parser.add_argument("--retry-max", type=float, default=300.0, metavar="SECONDS",
                        help="longest wait between retries (the wait doubles up to this; default: %(default)s)")
    parser.add_argument("--idle-save", type=float, default=30.0, metavar="SECONDS",
                        help="after this long without a hook, write the build state and the deploy manifest "
                             "(default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="seconds to wait for each HTTP request to the CMS (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=0, help="rendering processes (0: one per core)")
    parser.add_argument("--upload-workers", type=int, default=8, help="parallel uploads to S3 (default: %(default)s)")
    parser.add_argument("--once", action="store_true",
                        help="run one catch-up cycle (pull, build, deploy) and exit: 0 when live, 1 otherwise")


def open_target(spec: str, endpoint_url: str | None, workers: int):
    """``s3://…`` -> a ``deploy.s3.Bucket``; anything else -> a ``deploy.folder.Folder``."""
    from ..deploy.rules import load_rules

    rules = load_rules(None)
    if spec.startswith("s3://"):
        from ..deploy.s3 import Bucket, Target, make_client

        return Bucket(Target.parse(spec), rules, client=make_client(endpoint_url, workers), endpoint_url=endpoint_url,
                      workers=workers)
    from ..deploy.folder import Folder

    return Folder(Path(spec.removeprefix("file://")), rules)


def _terminate(signum, frame):  # noqa: ARG001 - signal handler signature
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    import multiprocessing

    from . import listener
    from .auth import SECRET_ENV, check_secret
    from .cms import StatusReporter
    from .cycle import STATUS_FILE, Publisher

    if not getattr(args, "verbose", False):
        logging.getLogger("botocore").setLevel(logging.WARNING)
    try:
        secret = check_secret(os.environ.get(SECRET_ENV))
        target = open_target(args.deploy, args.endpoint_url, args.upload_workers)
    except ValueError as exc:
        print(f"chinar publish: error: {exc}", file=sys.stderr)
        return 2
    api = args.api.rstrip("/") + "/"
    status_url = None if (args.cms_status or "").lower() == "none" else (args.cms_status or api + "publish-status/")
    state = args.state.resolve()
    publisher = Publisher(api=api, target=target, content=args.content or state / "content",
                          output=args.output or state / "output", cache=args.cache or state / "cache",
                          state_dir=state, base_url=args.base_url, workers=args.workers,
                          reporter=StatusReporter(status_url, secret), pull_timeout=args.timeout)
    if args.once:
        return 0 if publisher.cycle().state == "live" else 1

    ctx = multiprocessing.get_context("spawn")  # the build forks: no threads of a server in this process
    wake, hooks, bound = ctx.Event(), ctx.Value("i", 0), ctx.Value("i", 0)
    host, port = args.listen
    server = ctx.Process(target=listener.serve, name="chinar-publish-listener", daemon=True,
                         args=(host, port, secret, args.window, wake, hooks, bound, str(state / STATUS_FILE),
                               {"url": status_url} if status_url else None))
    server.start()
    signal.signal(signal.SIGTERM, _terminate)
    try:
        deadline = time.monotonic() + 30
        while not bound.value and server.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        if not bound.value:
            print(f"chinar publish: error: could not listen on {host}:{port}", file=sys.stderr)
            return 1
        print(f"chinar publish: listening on http://{host}:{bound.value}/hook; deploying to {target}", flush=True)
        loop(publisher, wake, hooks, args)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.join(5)
        publisher.idle()
    return 0


def loop(publisher, wake, hooks, args: argparse.Namespace) -> None:
    """Cycle on every wake-up, retry with backoff, save when idle; until interrupted."""
    wake.set()  # the first cycle catches up with whatever was published while the publisher was down
    delay = args.retry_min
    retry_at: float | None = None
    saved = False
    seen = 0
    while True:
        timeout = args.idle_save if retry_at is None else max(0.0, retry_at - time.monotonic())
        woken = wake.wait(timeout)
        if not woken and retry_at is None:
            if not saved:
                publisher.idle()
                saved = True
            continue
        wake.clear()  # before the pull: a hook from now on gets a cycle of its own
        count, seen = hooks.value - seen, hooks.value
        outcome = publisher.cycle(count)
        saved = False
        if outcome.state == "retrying":
            retry_at = time.monotonic() + delay
            log.info("retrying in %.0f s", delay)
            delay = min(delay * 2, args.retry_max)
        else:
            retry_at, delay = None, args.retry_min
