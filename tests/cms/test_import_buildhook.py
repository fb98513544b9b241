"""Bulk import (all rows or none, idempotent) and the build hook on the task queue: coalesced, retried, kept."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from admin import LIVE, make_hooks_due, queued_hooks, run_hook_worker
from django.core.management import CommandError, call_command
from django.utils import timezone

HEADER = (
    "registry_id,name,slug,district,crafts,bio,practising_since,languages,phone,email,village,"
    "bank_account,upi_id,consent_reference,consent_date,consent_covers,under_18,guardian_consent\n"
)
GOOD = HEADER + (
    "JK-1001,Shazia Bano,,srinagar,sozni,Embroiders stoles.,2001,Kashmiri;Urdu,+91 94190 11111,"
    "shazia@example.invalid,Nowhatta,123456789,shazia@upi,CONSENT-1001,2026-03-01,profile;photos,no,no\n"
    "JK-1002,रमेश कुमार,ramesh-kumar,kathua,sozni,बसोहली चित्रकार।,1995,Dogri,+91 94190 22222,,Basohli,,,,,,,\n"
    'JK-1003,غلام نبی,ghulam-nabi,srinagar,sozni,"پیپر ماشی, اخروٹ کی لکڑی",,Kashmiri,,,,,,,,,,\n'
)


def _write(tmp_path, text, name="registry.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_import_good_file_then_again_changes_nothing(tmp_path, capsys):
    from chinar_cms.artisans.models import ArtisanPage
    from chinar_cms.registry.models import ConsentRecord, PersonalRecord
    from wagtail.models import Revision

    path = _write(tmp_path, GOOD)
    call_command("import_artisans", str(path), "--dry-run")
    assert not PersonalRecord.objects.exists()
    assert "3 artisan(s) would be created" in capsys.readouterr().out

    call_command("import_artisans", str(path))
    assert "3 artisan(s) created" in capsys.readouterr().out
    drafts = ArtisanPage.objects.filter(live=False)
    assert sorted(p.title for p in drafts) == sorted(["Shazia Bano", "रमेश कुमार", "غلام نبی"])
    assert PersonalRecord.objects.get(registry_id="JK-1001").village == "Nowhatta"
    assert ConsentRecord.objects.get(reference="CONSENT-1001").covers == ["profile", "photos"]
    revisions = Revision.objects.count()

    call_command("import_artisans", str(path))
    assert "0 artisan(s) created, 0 updated, 3 unchanged" in capsys.readouterr().out
    assert Revision.objects.count() == revisions
    assert PersonalRecord.objects.count() == 3

    _write(tmp_path, GOOD.replace("Embroiders stoles.", "Embroiders stoles and shawls."))
    call_command("import_artisans", str(path))
    assert "1 updated, 2 unchanged" in capsys.readouterr().out


@pytest.mark.django_db
def test_import_with_bad_rows_imports_nothing_and_names_every_problem(tmp_path):
    from chinar_cms.artisans.models import ArtisanPage
    from chinar_cms.registry.models import PersonalRecord

    pages = ArtisanPage.objects.count()
    bad = GOOD + (
        "JK-1004,Ali,,anantnag,sozni,Bio,,,,,,,,,,,,\n"
        "JK-1005,Bilal,,srinagar,kani,Bio,19x5,,,not-an-email,,,,CONSENT-1005,,profile,,\n"
        "JK-1001,Duplicate,,srinagar,sozni,Bio,,,,,,,,,,,,\n"
        "JK-1006,,,srinagar,sozni,Bio,,,,,,,,,,,,\n"
    )
    with pytest.raises(CommandError) as err:
        call_command("import_artisans", str(_write(tmp_path, bad)))
    message = str(err.value)
    assert "row 5, column 'district': no district 'anantnag'" in message
    assert "row 6, column 'crafts': no craft 'kani'" in message
    assert "row 7, column 'registry_id': 'JK-1001' is also on row 2" in message
    assert "row 8, column 'name': must not be empty" in message
    assert "nothing was imported" in message
    assert ArtisanPage.objects.count() == pages
    assert not PersonalRecord.objects.exists()

    with pytest.raises(CommandError) as err:
        call_command("import_artisans", str(_write(tmp_path, "registry_id,name,aadhaar\n1,x,y\n", "b.csv")))
    assert "column 'district': required column is missing" in str(err.value)
    assert "column 'aadhaar': unknown column" in str(err.value)


def _publish_about(n):
    from chinar_cms.pages.models import StandardPage

    page = StandardPage.objects.get()
    for i in range(n):
        page.title = f"About Chinar {i}"
        page.save_revision().publish()


# The worker closes its database connection between tasks (as a worker process must): these tests commit
# (LIVE: transactional).


@LIVE
def test_ten_publishes_make_one_signed_request_and_failures_retry(settings, hook_server,
                                                                  django_capture_on_commit_callbacks):
    from chinar.publish.auth import ReplayGuard, verify

    settings.CHINAR_BUILD_HOOK_URL = hook_server.url
    settings.CHINAR_BUILD_HOOK_WINDOW = 60
    settings.CHINAR_BUILD_HOOK_RETRY = 30
    start = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        _publish_about(10)
    assert time.monotonic() - start < 30  # nothing waited for the hook
    assert hook_server.requests == []  # the editor never waits for the hook
    [task] = queued_hooks()  # ten publishes, one delivery
    assert task.status == "READY" and task.run_after > timezone.now() + timedelta(seconds=50)

    run_hook_worker()
    assert hook_server.requests == []  # not due yet: the window is still open
    hook_server.statuses = [500, 503]
    make_hooks_due()
    before = timezone.now()
    run_hook_worker()  # the first attempt fails and queues its retry, 30 s later
    assert hook_server.requests == [500]
    first, retry = queued_hooks()
    assert first.status == "FAILED" and "500" in first.traceback
    assert retry.status == "READY" and retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert before + timedelta(seconds=29) < retry.run_after < timezone.now() + timedelta(seconds=31)
    with django_capture_on_commit_callbacks(execute=True):
        _publish_about(1)  # a publish while the retry waits joins it
    assert queued_hooks().count() == 2
    make_hooks_due()
    run_hook_worker()  # second failure: the backoff doubles
    third = queued_hooks().last()
    assert hook_server.requests == [500, 503]
    assert third.args_kwargs["kwargs"] == {"attempt": 3}
    assert third.run_after > timezone.now() + timedelta(seconds=59)
    make_hooks_due()
    run_hook_worker()
    assert hook_server.requests == [500, 503, 200]
    assert queued_hooks().last().status == "SUCCESSFUL"

    guard = ReplayGuard()
    for headers, body in hook_server.bodies:  # every POST is signed, each with its own id
        verify(settings.CHINAR_PUBLISH_SECRET, headers, body, guard)

    with django_capture_on_commit_callbacks(execute=True):
        _publish_about(1)  # a new burst after delivery: a new request
    assert queued_hooks().filter(status="READY").count() == 1


@LIVE
def test_hook_gives_up_after_max_attempts(settings, hook_server, django_capture_on_commit_callbacks):
    settings.CHINAR_BUILD_HOOK_URL = hook_server.url
    settings.CHINAR_BUILD_HOOK_MAX_ATTEMPTS = 2
    with django_capture_on_commit_callbacks(execute=True):
        _publish_about(1)
    hook_server.statuses = [500, 500]
    for _ in range(3):
        make_hooks_due()
        run_hook_worker()
    assert hook_server.requests == [500, 500]
    assert [t.status for t in queued_hooks()] == ["FAILED", "FAILED"]


@LIVE
def test_a_queued_hook_survives_a_restart(settings, hook_server, django_capture_on_commit_callbacks):
    """The request is a row in the database: a worker started later (after a restart) delivers it."""
    settings.CHINAR_BUILD_HOOK_URL = hook_server.url
    with django_capture_on_commit_callbacks(execute=True):
        _publish_about(3)
    assert hook_server.requests == []  # no worker ran: nothing was sent, nothing was lost
    make_hooks_due()
    run_hook_worker()  # a fresh worker
    assert hook_server.requests == [200]
