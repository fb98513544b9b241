"""Helpers for CMS tests (importable by test modules; conftest.py is not)."""

from __future__ import annotations

import pytest

# Transactional (live server, threads): the database is flushed afterwards, and conftest.py's serialized
# rollback restores what the migrations and the tiny catalog put there.
LIVE = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def login(page, base: str, username: str, password: str) -> None:
    """Log in to the Wagtail admin at ``base`` in a Playwright page."""
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
