"""The ``chinar`` command: one subcommand per pipeline stage.

Each subcommand lives in its own module exposing ``configure(parser)`` and ``run(args) -> int``;
modules are imported only when their subcommand runs, so ``chinar --help`` stays fast and the
static build never pays for boto3 or Whoosh it does not use.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys

from . import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("chinar.check", "validate a content directory against the contract"),
    "build": ("chinar.build", "build the static site from a content directory"),
    "serve": ("chinar.serve", "serve the built site on localhost"),
    "pull": ("chinar.pull", "pull the published catalog from the CMS API into a content directory"),
    "deploy": ("chinar.deploy", "upload the built site to S3 (only what changed, in a safe order)"),
    "publish": ("chinar.publish", "run the publisher: CMS build hook -> pull, rebuild, deploy what changed"),
    "search": ("chinar.search.cli", "query the search index built by `chinar build`"),
    "listings": ("chinar.listings.cli", "check marketplace listings; import marketplace seller feeds into the CMS"),
}


def command_of(argv: list[str]) -> str | None:
    """The subcommand ``argv`` names: its first word that is not an option (the top-level options
    take no value)."""
    return next((a for a in argv if not a.startswith("-")), None)


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``chinar`` parser; only ``command``'s module is imported to add its options (every one when
    None), so ``chinar build`` does not import the deploy, pull or serve code."""
    parser = argparse.ArgumentParser(prog="chinar", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"chinar {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(_module=module)
        if command not in COMMANDS or name == command:
            importlib.import_module(module).configure(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = make_parser(command_of(argv))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return importlib.import_module(args._module).run(args) or 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


# Commands after which the process may end without tearing the interpreter down (``exit_now``): they
# leave no child process, thread or temporary file behind for exit handlers to clean up.
EXIT_NOW = frozenset({"build", "check", "search"})


def exit_now(code: int) -> None:
    """End the process now: flush output and logs, then ``os._exit``, skipping interpreter teardown.

    A build leaves its catalog, pages, templates and search state in memory; freeing them object by
    object at exit took 0.2 s after a 1,000-artisan build, and more on larger ones, all of it after
    the work is done and reported. Only for ``EXIT_NOW`` commands, and only from the console entry
    point (``entry``): ``main`` itself returns, so tests and other callers can call it in-process.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


def command_started(command: str) -> None:
    """What the console command does before it runs ``command``: an ``EXIT_NOW`` command runs without the
    cyclic garbage collector. A build runs with it paused (``build.collector_paused``) and, when it is
    switched back on, its first collection walks every object the build allocated: 2 s after a one-artisan
    edit at 100,000 pages, for garbage the operating system takes back at ``exit_now`` anyway. Left off,
    ``collector_paused`` leaves it off. (The benchmarks call this too, to measure what ``chinar`` does.)"""
    if command in EXIT_NOW:
        gc.disable()


def entry() -> None:
    """The ``chinar`` console command."""
    argv = sys.argv[1:]
    command_started(command_of(argv))
    code = main(argv)
    if command_of(argv) in EXIT_NOW:
        exit_now(code)
    sys.exit(code)


if __name__ == "__main__":
    entry()
