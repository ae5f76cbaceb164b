from django.conf import settings
from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_safe

from website import caching
from website.net import client_ip
from website.references import pages_showing, shown_only_on_finished_pages
from website.translation import in_language_or_404

from . import counting, lookups, open_data, signing, tracker
from .consent import current_consent
from .forms import SignatureForm
from .middleware import cache_key as count_json_key
from .models import ConsentVersion, Signature
from .tokens import read_confirmation_token


def error_page(request, status, title, message, petition=None):
    return render(
        request, "petitions/message.html", {"title": title, "message": message, "petition": petition}, status=status
    )


# Signing carries no cookie-based identity, so a CSRF token would protect nothing and would break on
# cached pages. Instead: browsers' cross-site posts are refused (Sec-Fetch-Site), and every signature
# needs its signer's email confirmation before it counts.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def sign(request, petition_key):
    petition = in_language_or_404(petition_key, copies=lookups.petition_copies)
    if request.method == "GET":
        # A reload after a form error, or the URL shared from the address bar: back to the form.
        return redirect(form_location(petition))
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return error_page(request, 403, _("Not signed"), _("Petitions can only be signed on this site."), petition)
    if not petition.is_open() or closed_by_its_campaigns(petition):
        return error_page(
            request,
            409,
            _("This petition is closed"),
            _("This petition does not accept signatures at the moment."),
            petition,
        )
    consent = current_consent(petition)
    form = SignatureForm(request.POST, petition=petition, consent_text=consent.text)
    if not form.is_valid():
        return render(
            request,
            "petitions/sign_form_page.html",
            {"petition": petition, "form": form, "consent": consent},
            status=400,
        )
    # Usually the current version (no query); an older one if the text changed while the form was open.
    shown = (
        consent
        if form.cleaned_data["consent_version"] == consent.pk
        else ConsentVersion.objects.filter(
            pk=form.cleaned_data["consent_version"], petition_key=petition.petition_key
        ).first()
    )
    if shown is None:
        form.add_error(None, _("Please read the consent text again and confirm."))
        return render(
            request,
            "petitions/sign_form_page.html",
            {"petition": petition, "form": form, "consent": consent},
            status=400,
        )
    signing.sign(petition, form.cleaned_data, consent=shown, language=translation.get_language(), ip=client_ip(request))
    return redirect(reverse("petitions:thanks", args=[petition.petition_key]), permanent=False)


def closed_by_its_campaigns(petition):
    """Whether every page showing the petition is a finished campaign; cached per content version (any
    publish bumps it), so that a signature stays one INSERT on a petition's busiest day."""
    key = f"petitions:closed-by-campaigns:{petition.pk}:{caching.content_version()}"
    closed = cache.get(key)
    if closed is None:
        closed = shown_only_on_finished_pages(petition)
        cache.set(key, closed, caching.STALE_SECONDS)
    return closed


def form_location(petition):
    """Where the petition's form lives: its campaign page, in the language of the request."""
    campaign = pages_showing(petition).first()
    return f"{campaign.url}#petition-{petition.pk}" if campaign else f"/{translation.get_language()}/"


@require_GET
def thanks(request, petition_key):
    petition = in_language_or_404(petition_key, copies=lookups.petition_copies)
    campaign = pages_showing(petition).first()
    # The same for every signer (nothing personal on it): every signature's browser lands here, so
    # on a busy day it comes from the page cache like the campaign page.
    return caching.share(
        request,
        render(
            request,
            "petitions/thanks.html",
            {"petition": petition, "campaign": campaign},
        ),
    )


@require_safe
def tracker_table(request, petition_key):
    """Every municipality's response and signatures: the table behind the campaign page's tracker."""
    petition = in_language_or_404(petition_key, copies=lookups.petition_copies)
    if not petition.has_targets:
        raise Http404("This petition has no municipality tracker")
    context = {"petition": petition, "tracker": tracker.summary(petition, rows=True), "campaign": None}
    context["campaign"] = pages_showing(petition).first()
    return caching.share(request, render(request, "petitions/tracker_page.html", context))


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: mail scanners that open links confirm nothing."""
    found = read_confirmation_token(token)
    if found is None:
        return error_page(
            request,
            400,
            _("This link does not work"),
            _("The confirmation link is not valid or has expired. Sign again to get a new one."),
        )
    signature_id, petition_key = found
    petition = in_language_or_404(petition_key, copies=lookups.petition_copies)
    if request.method == "GET":
        exists = Signature.objects.filter(pk=signature_id, petition_key=petition_key).exists()
        if not exists:
            return error_page(
                request,
                410,
                _("This signature is gone"),
                _("Unconfirmed signatures are removed after a while. Sign again to get a new link."),
                petition,
            )
        return render(request, "petitions/confirm.html", {"petition": petition})
    if not signing.confirm(signature_id, petition_key):
        return error_page(
            request,
            410,
            _("This signature is gone"),
            _("Unconfirmed signatures are removed after a while. Sign again to get a new link."),
            petition,
        )
    campaign = pages_showing(petition).first()
    return render(
        request,
        "petitions/confirmed.html",
        {"petition": petition, "campaign": campaign},
    )


@require_GET
def count_json(request, petition_key):
    petition = in_language_or_404(petition_key, copies=lookups.petition_copies)
    interval = lookups.petition_settings().counting_interval
    count = counting.get_count(petition.petition_key, ttl=interval)
    data = {
        "count": count["total"],
        "confirmed": count["confirmed"],
        "paper": count["paper"],
        "imported": count["imported"],
        "goal": petition.goal,
        "milestones": petition.milestone_list,
        "updated_at": count["updated_at"],
    }
    if request.GET.get("by") == "municipality":
        data["municipalities"] = counting.municipality_counts(petition.petition_key)
    response = JsonResponse(data)
    # Cacheable by browsers and a CDN for about one counting interval; stale copies may bridge an outage.
    patch_cache_control(
        response, public=True, max_age=interval, s_maxage=interval, stale_while_revalidate=60, stale_if_error=86400
    )
    response["Access-Control-Allow-Origin"] = "*"
    if not request.GET:
        cache.set(count_json_key(str(petition.petition_key)), (response.content, response["Cache-Control"]), interval)
    return response


@require_GET
def open_data_json(request, petition_key):
    """The petition's open data (see open_data.py); a bad or unknown key is a 404 in JSON, as data users expect."""
    try:
        petition = in_language_or_404(petition_key, settings.LANGUAGE_CODE, copies=lookups.petition_copies)
    except Http404:
        return JsonResponse({"error": "not_found", "message": "No petition has this key."}, status=404)
    data = open_data.open_data(petition, lookups.petition_copies(petition.petition_key))
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=open_data.TTL, stale_if_error=86400)
    response["Access-Control-Allow-Origin"] = "*"
    return response
