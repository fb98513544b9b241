"""What the publisher reported about each of its cycles: what editors read about the live site."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# In the order a cycle goes through them; a report never moves a cycle back (replays are harmless).
STATES = [
    ("queued", pgettext_lazy("site update", "Queued")),
    ("building", pgettext_lazy("site update", "Building")),
    ("retrying", pgettext_lazy("site update", "Retrying")),
    ("live", pgettext_lazy("site update", "Live")),
    ("failed", pgettext_lazy("site update", "Failed")),
]
RANK = {"queued": 0, "building": 1, "retrying": 2, "live": 3, "failed": 3}


class PublishCycle(models.Model):
    """One cycle of ``chinar publish``: pull, build, deploy.

    ``pulled_at`` is the CMS's clock when the cycle's pull started: every page published before it is
    in the cycle. A page is live once a cycle that pulled after its last publish is ``live``.
    """

    cycle = models.PositiveIntegerField(unique=True)
    state = models.CharField(max_length=16, choices=STATES)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    pulled_at = models.DateTimeField(null=True, blank=True, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    message = models.TextField(blank=True)
    problems = models.JSONField(default=list, blank=True)  # [{"file", "pointer", "message"}]
    figures = models.JSONField(default=dict, blank=True)
    last_report = models.CharField(max_length=64, blank=True)  # the id of the last report taken

    class Meta:
        ordering = ["-cycle"]
        verbose_name = _("site update")

    def __str__(self) -> str:
        return f"cycle {self.cycle}: {self.state}"
