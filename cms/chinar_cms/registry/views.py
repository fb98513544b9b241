"""Admin view: withdraw consent (confirmation page, then the same service as the command)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from .models import ConsentRecord
from .services import withdraw_consent


def withdraw(request, pk: int):
    if not request.user.has_perm("registry.change_consentrecord"):
        raise PermissionDenied
    consent = get_object_or_404(ConsentRecord, pk=pk)
    if request.method == "POST":
        if consent.artisan_key is None or consent.withdrawn_at:
            messages.error(request, "This consent is already withdrawn or is not linked to an artisan.")
        else:
            report = withdraw_consent(consent.artisan_key, user=request.user)
            messages.success(
                request,
                f"Consent withdrawn: {len(report.unpublished)} page(s) unpublished, "
                f"{report.images_deleted} photo(s) and the personal record deleted. "
                "The site will be rebuilt.",
            )
        return redirect("wagtailsnippets_registry_consentrecord:list")
    return TemplateResponse(request, "registry/withdraw_confirm.html", {"consent": consent})
