"""Bulk import of artisans from a registry spreadsheet (CSV, UTF-8): all rows or none.

Each row becomes (or updates) an artisan profile as a *draft* (editors review and publish it through
the workflow), the artisan's personal record and, when given, their consent record. Rows are
matched by ``registry_id``, so importing the same file again changes nothing. Every problem is
reported with its row (the line number in the file), column and what is wrong; if there is any,
nothing is saved. ``dry_run`` does the whole import, reports, and rolls it back.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from .models import ConsentRecord, PersonalRecord

log = logging.getLogger(__name__)

REQUIRED = ["registry_id", "name", "district", "crafts", "bio"]
OPTIONAL = [
    "slug",
    "practising_since",
    "languages",
    "phone",
    "email",
    "address",
    "village",
    "id_number",
    "bank_account",
    "ifsc",
    "upi_id",
    "date_of_birth",
    "guardian_name",
    "consent_reference",
    "consent_date",
    "consent_covers",
    "under_18",
    "guardian_consent",
]
PERSONAL = ["phone", "email", "address", "village", "id_number", "bank_account", "ifsc", "upi_id", "guardian_name"]
YES = {"yes", "y", "true", "1", "हाँ", "ہاں"}
NO = {"", "no", "n", "false", "0", "नहीं", "نہیں"}


@dataclass(frozen=True, order=True)
class RowProblem:
    row: int
    column: str
    problem: str

    def __str__(self) -> str:
        return f"row {self.row}, column '{self.column}': {self.problem}"


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        if self.problems:
            lines = [str(p) for p in sorted(self.problems)]
            return "\n".join(lines + [f"{len(self.problems)} problem(s): nothing was imported"])
        verb = "would be " if self.dry_run else ""
        return (
            f"{len(self.created)} artisan(s) {verb}created, {len(self.updated)} {verb}updated, "
            f"{len(self.unchanged)} unchanged"
        )


class _RowError(Exception):
    def __init__(self, column: str, problem: str):
        self.column, self.problem = column, problem


def _parse_bool(value: str, column: str) -> bool:
    v = value.strip().lower()
    if v in YES:
        return True
    if v in NO:
        return False
    raise _RowError(column, f"'{value}' is not yes or no")


def _split(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", value or "") if part.strip()]


def import_artisans(path: Path | str, *, dry_run: bool = False, user=None) -> ImportReport:
    """Import ``path``; see the module docstring. Never raises for bad rows: read ``report.problems``."""
    report = ImportReport(dry_run=dry_run)
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        report.problems.append(RowProblem(0, "", f"cannot read {path.name} as UTF-8 text: {exc}"))
        return report
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in REQUIRED + OPTIONAL]
    for c in missing:
        report.problems.append(RowProblem(1, c, "required column is missing from the header"))
    for c in unknown:
        report.problems.append(
            RowProblem(1, c, "unknown column (personal data columns must be named exactly as documented)")
        )
    if report.problems:
        return report
    rows = [(reader.line_num, {k.strip(): (v or "").strip() for k, v in row.items() if k}) for row in reader]
    seen: dict[str, int] = {}
    with transaction.atomic():
        for line, row in rows:
            rid = row["registry_id"]
            if rid in seen:
                report.problems.append(RowProblem(line, "registry_id", f"'{rid}' is also on row {seen[rid]}"))
                continue
            seen[rid] = line
            try:
                with transaction.atomic():
                    _import_row(row, report, user)
            except _RowError as exc:
                report.problems.append(RowProblem(line, exc.column, exc.problem))
            except ValidationError as exc:
                for column, messages in _validation_items(exc):
                    for message in messages:
                        report.problems.append(RowProblem(line, column, message))
        if report.problems or dry_run:
            transaction.set_rollback(True)
    log.info("import of %s: %s", path.name, str(report).splitlines()[-1])
    return report


def _validation_items(exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            yield ("row" if name == "__all__" else name), [m for e in errors for m in e.messages]
    else:
        yield "row", exc.messages


def _import_row(row: dict[str, str], report: ImportReport, user) -> None:
    from chinar_cms.artisans.models import ArtisanIndexPage, ArtisanPage
    from chinar_cms.crafts.models import CraftPage
    from chinar_cms.districts.models import District

    en = Locale.objects.get(language_code="en")
    for column in REQUIRED:
        if not row.get(column):
            raise _RowError(column, "must not be empty")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9/_-]{0,63}", row["registry_id"]):
        raise _RowError("registry_id", "use letters, digits, '-', '_' or '/' only")
    district = District.objects.filter(locale=en, slug=row["district"]).first()
    if district is None:
        raise _RowError("district", f"no district '{row['district']}' (use its web address, e.g. srinagar)")
    crafts = []
    for slug in _split(row["crafts"]):
        craft = CraftPage.objects.filter(locale=en, slug=slug).first()
        if craft is None:
            raise _RowError("crafts", f"no craft '{slug}' (use crafts' web addresses separated by ';')")
        crafts.append(craft)
    since = None
    if row.get("practising_since"):
        if not row["practising_since"].isdigit():
            raise _RowError("practising_since", f"'{row['practising_since']}' is not a year")
        since = int(row["practising_since"])
    if row.get("email"):
        try:
            validate_email(row["email"])
        except ValidationError as exc:
            raise _RowError("email", f"'{row['email']}' is not an email address") from exc
    dob = _date(row, "date_of_birth")
    slug = row.get("slug") or slugify(row["name"])
    if not slug:
        raise _RowError("slug", "the name has no Latin letters: give a web address in the 'slug' column")

    person = PersonalRecord.objects.filter(registry_id=row["registry_id"]).first()
    page = person.artisan.specific if person and person.artisan_id else None
    changed = False
    wanted = {
        "title": row["name"],
        "slug": slug,
        "district_id": district.pk,
        "bio": f"<p>{_escape(row['bio'])}</p>",
        "practising_since": since,
        "languages": "\n".join(_split(row.get("languages", ""))),
    }
    craft_ids = [c.pk for c in crafts]
    if page is None:
        index = ArtisanIndexPage.objects.filter(locale=en).first()
        if index is None:
            raise _RowError("row", "the CMS has no Artisans section yet (run load_demo or create it)")
        page = ArtisanPage(live=False, locale=en, **wanted)
        page.crafts = [{"type": "craft", "value": pk} for pk in craft_ids]
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        report.created.append(row["registry_id"])
        changed = True
    else:
        current = page.get_latest_revision_as_object()
        current_crafts = [c.value.pk for c in current.crafts if c.value]
        if any(getattr(current, k) != v for k, v in wanted.items()) or current_crafts != craft_ids:
            for k, v in wanted.items():
                setattr(current, k, v)
            current.crafts = [{"type": "craft", "value": pk} for pk in craft_ids]
            current.full_clean()
            current.save_revision(user=user, log_action=True)
            changed = True

    if person is None:
        person = PersonalRecord(registry_id=row["registry_id"], artisan=page)
    personal = {k: row.get(k, "") for k in PERSONAL}
    personal["date_of_birth"] = dob
    if any(getattr(person, k) != v for k, v in personal.items()) or person.pk is None:
        for k, v in personal.items():
            setattr(person, k, v)
        person.full_clean()
        person.save()
        changed = True
    if row.get("consent_reference"):
        changed |= _consent(row, page)
    if row["registry_id"] not in report.created:
        (report.updated if changed else report.unchanged).append(row["registry_id"])


def _date(row: dict[str, str], column: str) -> date | None:
    if not row.get(column):
        return None
    try:
        return date.fromisoformat(row[column])
    except ValueError as exc:
        raise _RowError(column, f"'{row[column]}' is not a date like 2026-01-31") from exc


def _escape(text: str) -> str:
    from django.utils.html import escape

    return escape(text)


def _consent(row: dict[str, str], page) -> bool:
    covers = _split(row.get("consent_covers", ""))
    bad = [c for c in covers if c not in ("profile", "photos", "products")]
    if bad or not covers:
        raise _RowError("consent_covers", "list what the consent covers: profile; photos; products")
    when = _date(row, "consent_date")
    if when is None:
        raise _RowError("consent_date", "a consent needs the date it was given")
    under_18 = _parse_bool(row.get("under_18", ""), "under_18")
    guardian = _parse_bool(row.get("guardian_consent", ""), "guardian_consent")
    consent = ConsentRecord.objects.filter(reference=row["consent_reference"]).first()
    if consent is not None and consent.artisan_key not in (None, page.translation_key):
        raise _RowError("consent_reference", f"'{row['consent_reference']}' belongs to another artisan")
    wanted = {"date": when, "covers": covers, "under_18": under_18, "guardian_consent": guardian}
    if consent is not None and all(getattr(consent, k) == v for k, v in wanted.items()):
        return False
    consent = consent or ConsentRecord(reference=row["consent_reference"], artisan=page)
    for k, v in wanted.items():
        setattr(consent, k, v)
    consent.full_clean()
    consent.save()
    return True
