"""The listing check as a background task (Django's Tasks framework, ``django-tasks``).

Enqueue it from the scheduler the deployment has, e.g. a systemd timer or cron line running
``manage.py check_listings`` once a day (see docs/cms.md); the task is the same job for a worker.
"""

from __future__ import annotations

from django_tasks import task


@task()
def check_listings_task(budget: float = 1800.0) -> dict:
    """Check every live listing and record the results; returns the counts (JSON for the task result)."""
    from chinar.contract import CheckSettings

    from .services import run_check

    summary, _outcomes = run_check(CheckSettings(budget=budget))
    return {"checks": summary.checks, "outcomes": dict(summary.outcomes), "pages_published": summary.pages_published,
            "drafts_updated": summary.drafts_updated, "held": summary.held}
