"""A database-backed queue of site rebuild requests (one row per burst of publishing)."""

from __future__ import annotations

from django.db import models


class BuildRequest(models.Model):
    """A pending or finished call of the build hook.

    While a request is pending (not sent, not given up), further publishes join it instead of
    creating another: ten publishes within the window become one POST. Kept in the database so
    a restart loses nothing and ``manage.py send_build_hooks`` (cron) can deliver it.
    """

    created_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(db_index=True)
    reasons = models.TextField(blank=True)
    events = models.PositiveIntegerField(default=1)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    gave_up_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at"]

    def __str__(self) -> str:
        state = "sent" if self.sent_at else "gave up" if self.gave_up_at else "pending"
        return f"Build request {self.pk} ({state}, {self.events} event(s))"
