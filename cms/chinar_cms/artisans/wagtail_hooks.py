"""The consent gate in the admin: a plain message instead of publishing an artisan without consent."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

from .models import ArtisanPage


@hooks.register("before_publish_page")
def require_consent(request, page):
    if isinstance(page, ArtisanPage):
        problem = page.consent_problem()
        if problem:
            messages.error(request, problem)
            return redirect("wagtailadmin_pages:edit", page.pk) if page.pk else redirect("wagtailadmin_home")
    return None
