"""``chinar deploy s3://BUCKET[/PREFIX]``: publish the built site to S3, safely and incrementally.

Only files whose content (sha256), Content-Type or Cache-Control changed are uploaded; uploads
run in phases (assets, data, pages, sitemap/feeds/robots) so a live page never references a file
that is not there yet; ``--delete`` removes stale objects only after every upload succeeded.
Details and the matching CloudFront setup: docs/deploy.md. The header rules (Cache-Control) come
from ``netlify.toml`` so Netlify and S3 serve the same thing.

Submodules: ``rules`` (netlify.toml headers, content types), ``plan`` (what changes, in which
order; pure), ``s3`` (boto3), ``httpd`` (a local server that applies the same headers).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="s3://BUCKET[/PREFIX]", help="where to publish")
    parser.add_argument("--output", type=Path, default=Path("output"),
                        help="the built site (default: output)")
    parser.add_argument("--endpoint-url", default=None,
                        help="S3-compatible endpoint (default: AWS, or AWS_ENDPOINT_URL)")
    parser.add_argument("--dry-run", action="store_true", help="print what would change; change nothing")
    parser.add_argument("--delete", action="store_true",
                        help="after a fully successful upload, remove objects no longer in the output")
    parser.add_argument("--workers", type=int, default=8, help="parallel uploads (default: 8)")
    parser.add_argument("--assets-only", action="store_true",
                        help="upload only content-named assets (static files, image renditions), delete nothing: a "
                             "shard of a sharded build, before the merge deploys the pages (docs/deploy.md)")
    parser.add_argument("--netlify-toml", type=Path, default=None,
                        help="header rules to apply (default: the repository's netlify.toml)")


def run(args: argparse.Namespace) -> int:
    """CLI entry point: exit 0 on success, 1 with one line on stderr on any failure."""
    from tqdm.contrib.logging import logging_redirect_tqdm

    from ..progress import Progress
    from .rules import load_rules
    from .s3 import DeployError, Target, deploy, make_client

    if not getattr(args, "verbose", False):
        # "Found credentials in environment variables" and the like: noise on every run.
        logging.getLogger("botocore").setLevel(logging.WARNING)
    try:
        target = Target.parse(args.target)
        rules = load_rules(args.netlify_toml)
    except (ValueError, OSError) as exc:
        print(f"chinar deploy: error: {exc}", file=sys.stderr)
        return 2
    if args.workers < 1:
        print("chinar deploy: error: --workers must be at least 1", file=sys.stderr)
        return 2

    def progress(total: int):
        return Progress().bar("deploy", total=total, unit="file")  # a bar only on a terminal

    try:
        with logging_redirect_tqdm():  # log lines above the bar, not through it
            result = deploy(args.output, target, rules,
                            client=make_client(args.endpoint_url, args.workers),
                            endpoint_url=args.endpoint_url, delete=args.delete, dry_run=args.dry_run,
                            workers=args.workers, progress_factory=progress, assets_only=args.assets_only)
    except (DeployError, FileNotFoundError, ValueError) as exc:
        print(f"chinar deploy: error: {exc}", file=sys.stderr)
        return 1
    if args.dry_run:
        for f, why in result.plan.uploads:
            print(f"would upload ({why}) {target.key(f.rel)}")
        for rel in result.plan.stale:
            print(f"would delete {target.key(rel)}" if args.delete
                  else f"stale (kept, no --delete) {target.key(rel)}")
    elif result.plan.stale and not args.delete:
        log.info("%d stale objects kept (use --delete to remove them)", len(result.plan.stale))
    print(f"{target}: {result.summary()}")
    return 0
