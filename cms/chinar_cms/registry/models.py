"""The Registry: artisans' personal data and consent, kept apart from everything that is published.

These models are plain Django models (not page fields), so they are never copied into page
revisions, previews, the API or the snapshot. Only the "Registry" group (and superusers) can
see them in the admin. The link to an artisan is the artisan's translation_key, shared by every
language version of the profile.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from chinar_cms.base.fields import ChoiceListField

COVERS = [("profile", "Profile (name, district, biography)"), ("photos", "Photos"), ("products", "Products")]
REGISTRY_GROUP = "Registry"


class ArtisanLinked(models.Model):
    artisan = models.ForeignKey(
        "artisans.ArtisanPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The artisan's profile page (any language).",
    )
    artisan_key = models.UUIDField(db_index=True, editable=False, null=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.artisan_id:
            self.artisan_key = self.artisan.translation_key
        super().save(*args, **kwargs)


class ConsentRecord(ArtisanLinked, index.Indexed):
    """An artisan's consent to publish (DPDP Act 2023): when, what it covers, guardian if under 18.

    The snapshot carries only ``reference``, ``date`` and ``covers``. A withdrawn record is kept
    (without personal data) as evidence of the withdrawal.
    """

    reference = models.CharField(
        max_length=64,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9_/-]{0,63}$",
                "Use letters, digits, '-', '_' or '/', e.g. CONSENT-0001.",
            )
        ],
        help_text="The number on the signed consent form, e.g. CONSENT-0001.",
    )
    date = models.DateField(help_text="The date the artisan gave consent.")
    covers = ChoiceListField(list_choices=COVERS, blank=False, help_text="What the artisan agreed to publish.")
    under_18 = models.BooleanField("The artisan is under 18", default=False)
    guardian_consent = models.BooleanField("A parent or guardian has also consented", default=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("artisan"),
        FieldRowPanel([FieldPanel("reference"), FieldPanel("date")]),
        FieldPanel("covers"),
        MultiFieldPanel([FieldPanel("under_18"), FieldPanel("guardian_consent")], heading="Minors"),
    ]
    search_fields = [index.SearchField("reference")]

    class Meta:
        verbose_name = "consent record"

    def __str__(self) -> str:
        return f"{self.reference} ({'withdrawn' if self.withdrawn_at else 'active'})"

    @classmethod
    def current_for(cls, key: uuid.UUID) -> ConsentRecord | None:
        return cls.objects.filter(artisan_key=key, withdrawn_at__isnull=True).order_by("-date", "-pk").first()

    def clean(self) -> None:
        super().clean()
        if not self.covers:
            raise ValidationError({"covers": "Tick at least one thing the consent covers."})
        if self.under_18 and not self.guardian_consent:
            raise ValidationError(
                {"guardian_consent": "An artisan under 18 needs a parent's or guardian's consent as well."}
            )

    def as_contract(self) -> dict:
        return {"reference": self.reference, "date": self.date.isoformat(), "covers": list(self.covers)}

    def withdraw_link(self) -> str:
        if self.withdrawn_at or not self.artisan_key:
            return ""
        return format_html(
            '<a class="button button-small button-secondary" href="{}">Withdraw consent</a>',
            reverse("registry_withdraw", args=[self.pk]),
        )

    withdraw_link.short_description = "Withdraw"  # type: ignore[attr-defined]


class PersonalRecord(ArtisanLinked):
    """An artisan's personal and payment details: never published, never exported."""

    registry_id = models.CharField(
        "Registry id",
        max_length=64,
        unique=True,
        help_text="The artisan's number in the handicrafts registry.",
    )
    phone = models.CharField(max_length=32, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    village = models.CharField(max_length=200, blank=True)
    id_number = models.CharField("ID number (Aadhaar, artisan card...)", max_length=64, blank=True)
    bank_account = models.CharField("Bank account number", max_length=64, blank=True)
    ifsc = models.CharField("IFSC", max_length=16, blank=True)
    upi_id = models.CharField("UPI id", max_length=128, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    guardian_name = models.CharField("Parent or guardian (if under 18)", max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    PERSONAL_FIELDS = (
        "registry_id",
        "phone",
        "email",
        "address",
        "village",
        "id_number",
        "bank_account",
        "ifsc",
        "upi_id",
        "guardian_name",
    )

    panels = [
        FieldPanel("artisan"),
        FieldPanel("registry_id"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("address"), FieldPanel("village")],
            heading="Contact",
        ),
        MultiFieldPanel(
            [FieldPanel("id_number"), FieldPanel("date_of_birth"), FieldPanel("guardian_name")],
            heading="Identity",
        ),
        MultiFieldPanel([FieldPanel("bank_account"), FieldPanel("ifsc"), FieldPanel("upi_id")], heading="Payment"),
    ]

    class Meta:
        verbose_name = "personal record"

    def __str__(self) -> str:
        return f"Personal record {self.registry_id}"
