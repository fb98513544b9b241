"""Pelican plugin: a generator that renders the Chinar catalog inside Pelican's run loop.

Registered in ``site/pelicanconf.py`` (``PLUGINS``). It reads the ``CHINAR_JOB`` that ``chinar build``
puts in the settings; the work itself is in ``chinar.build.generate`` so it stays testable without
Pelican. Pelican's own article and page machinery has nothing to read (no Markdown content).
"""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator


class CatalogGenerator(Generator):
    def generate_output(self, writer) -> None:  # noqa: ARG002 - the job writes through its OutputTree
        from .build import generate

        generate(self.settings["CHINAR_JOB"])


def get_generators(pelican_object):
    return CatalogGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
