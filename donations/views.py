"""Public endpoints for giving: the gift form's post, the return pages from checkout, the demo checkout,
the canvas JSON and Stripe's webhook. Each parses the request, calls a named function and renders.
"""

import logging
import uuid

import stripe
from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from website import ratelimit
from website.net import client_ip
from website.normalise import normalise_email
from website.references import pages_showing
from website.translation import in_language_or_404

from . import canvas, webhooks
from .availability import open_for_gifts
from .checkout import start_checkout
from .fulfilment import fail_checkout_session, fulfil_checkout_session
from .holds import HoldRefused, create_hold, mark_processing
from .models import Donation, DonationAd, DonationSettings, Hold, HoldStatus
from .payments import (
    DemoProvider,
    PaymentError,
    PaymentUnavailable,
    checkout_provider,
    demo_payments_allowed,
    is_paid,
    provider_for,
)
from .tokens import read_hold_token

logger = logging.getLogger(__name__)
CANVAS_MAX_AGE = 5


def private(response):
    add_never_cache_headers(response)  # per visitor: never in a shared cache (private, no-store)
    return response


def message(request, status, title, text, ad=None, **context):
    return private(
        render(
            request,
            "donations/message.html",
            {
                "title": title,
                "message": text,
                "ad": ad,
                "campaign": pages_showing(ad).first() if ad else None,
                **context,
            },
            status=status,
        )
    )


def form_page(request, ad, form, status=200, refusal=None):
    from .blocks import gift_context

    context = gift_context(ad, form=form)
    pages = list(pages_showing(ad))
    if not open_for_gifts(ad, pages):
        context.update(finished=True, is_open=False)
    context.update(refusal=refusal, campaign=pages[0] if pages else None)
    return private(render(request, "donations/give_page.html", context, status=status))


# The gift form sits on cached campaign pages, which cannot carry a per-visitor CSRF token; and
# a gift borrows no cookie-based identity a forged post could abuse (the donor still has to pay at
# Stripe). So: no token, but browsers' cross-site posts are refused (Sec-Fetch-Site), as for signing.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def give(request, ad_key):
    from .forms import GiftForm

    ad = in_language_or_404(ad_key, model=DonationAd)
    limits = DonationSettings.load()
    if request.method == "GET":
        return form_page(request, ad, GiftForm(ad=ad, limits=limits, initial={"choice": "1"}))
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return message(request, 403, _("Not given"), _("Gifts can only be made on this site."), ad)
    if not open_for_gifts(ad):
        return message(request, 409, _("This ad is closed"), _("This ad no longer accepts gifts. Thank you!"), ad)
    form = GiftForm(request.POST, ad=ad, limits=limits)
    if not form.is_valid() or form.units is None:
        return form_page(request, ad, form, status=400)
    ip = client_ip(request)
    if ip and ratelimit.hit("donation-hold-ip", ip, limits.holds_per_ip_per_hour, 3600):
        return form_page(
            request,
            ad,
            form,
            status=429,
            refusal=_("You started many gifts in a short time. Please wait a while before you try again."),
        )
    try:
        provider = checkout_provider()
    except PaymentUnavailable:
        logger.error("no payment provider configured: set STRIPE_SECRET_KEY")
        return message(
            request,
            503,
            _("Giving online is not possible right now"),
            _("Please try again later. Nothing was charged."),
            ad,
        )
    data = form.cleaned_data
    try:
        hold = create_hold(
            ad,
            units=form.units,
            amount_cents=form.amount_cents,
            cells=form.chosen_cells,
            email=data["email"],
            email_normalised=normalise_email(data["email"]),
            display_name=data["display_name"],
            language=translation.get_language(),
            provider=provider.name,
        )
    except HoldRefused as refusal:
        return form_page(request, ad, form, status=refusal.status, refusal=refusal.message)
    try:
        url = start_checkout(hold, ad, provider)
    except PaymentError:
        return form_page(
            request,
            ad,
            form,
            status=502,
            refusal=_("The payment service could not be reached. Nothing was charged; please try again in a moment."),
        )
    response = HttpResponseRedirect(url)
    response.status_code = 303  # see other: the browser follows with a GET
    return private(response)


def hold_from_token(token):
    hold_uuid = read_hold_token(token)
    return Hold.objects.filter(token=hold_uuid).first() if hold_uuid else None


@require_GET
def thanks(request, token):
    """What really happened to the donor's payment: paid, still processing, failed, or not completed.

    Nothing is credited on this page's say-so: when the webhook has not arrived yet, the session is
    fetched from the provider and handed to the one fulfilment function.
    """
    hold = hold_from_token(token)
    session_id = request.GET.get("session_id", "")
    if hold is None or not hold.checkout_session_id or session_id != hold.checkout_session_id:
        return message(
            request,
            400,
            _("This link does not work"),
            _("This page belongs to a gift that cannot be found. If you paid, you will get a receipt by email."),
        )
    ad = in_language_or_404(hold.ad_key, model=DonationAd)
    donation = Donation.objects.filter(hold=hold).first()
    if donation is None and hold.is_holding and not ratelimit.hit("donation-thanks", str(hold.token), 20, 60):
        try:
            session = provider_for(hold).retrieve_session(session_id)
        except PaymentError:
            session = None
        if session and is_paid(session):
            donation = fulfil_checkout_session(session).donation
        elif session and session.get("status") == "complete":
            mark_processing(hold.pk)
        hold.refresh_from_db()
    if donation is not None:
        state = "paid"
    elif hold.status == HoldStatus.PROCESSING:
        state = "processing"
    elif hold.status == HoldStatus.ACTIVE:
        state = "open"
    elif hold.status == HoldStatus.FAILED:
        state = "failed"
    else:
        state = "expired"
    return private(
        render(
            request,
            "donations/thanks.html",
            {
                "ad": ad,
                "hold": hold,
                "donation": donation,
                "state": state,
                "campaign": pages_showing(ad).first(),
            },
        )
    )


@require_GET
def cancelled(request, token):
    """The donor left checkout: release the hold (after asking the provider) and say nothing was charged."""
    from . import tasks

    hold = hold_from_token(token)
    if hold is None:
        return message(request, 400, _("This link does not work"), _("Nothing was charged."))
    ad = in_language_or_404(hold.ad_key, model=DonationAd)
    if hold.is_holding:
        tasks.cancel_hold.enqueue(hold.pk)
    return private(render(request, "donations/cancelled.html", {"ad": ad, "campaign": pages_showing(ad).first()}))


@require_http_methods(["GET", "POST"])
def demo_checkout(request, token):
    """The local stand-in for Stripe Checkout (development only): pay, fail or go back, no money moves."""
    hold = hold_from_token(token)
    if hold is None or hold.provider != DemoProvider.name or not demo_payments_allowed():
        raise Http404("No demo checkout")
    ad = in_language_or_404(hold.ad_key, model=DonationAd)
    provider = DemoProvider()
    thanks_url = reverse("donations:thanks", args=[token]) + f"?session_id={hold.checkout_session_id}"
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "pay" and hold.is_holding:
            fulfil_checkout_session(provider.paid_session(hold))
            return HttpResponseRedirect(thanks_url)
        if action == "fail" and hold.is_holding:
            fail_checkout_session(provider.session(hold, status="complete", payment_status="unpaid"))
            return HttpResponseRedirect(thanks_url)
        if action == "cancel":
            return HttpResponseRedirect(reverse("donations:cancelled", args=[token]))
        if not hold.is_holding:
            return HttpResponseRedirect(thanks_url)
    return private(
        render(
            request,
            "donations/demo_checkout.html",
            {"ad": ad, "hold": hold, "open": hold.is_holding, "thanks_url": thanks_url},
        )
    )


@require_GET
def canvas_json(request, ad_key):
    try:
        key = uuid.UUID(str(ad_key))
    except ValueError:
        raise Http404("Unknown ad") from None
    state = canvas.state_for_key(key)
    if state is None:
        raise Http404("Unknown ad")
    response = JsonResponse(state)
    # Browsers and shared caches may keep it a few seconds; stale copies only bridge an outage. No
    # stale-while-revalidate: a browser would show a donor the canvas from before their gift once more.
    patch_cache_control(response, public=True, max_age=CANVAS_MAX_AGE, s_maxage=CANVAS_MAX_AGE, stale_if_error=86400)
    return response


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe's events: the raw body's signature is checked (5 minutes' tolerance) before anything is read."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:  # an empty secret would make every signature "valid"
        logger.error("Stripe webhook called but STRIPE_WEBHOOK_SECRET is not set")
        return HttpResponse("webhook not configured", status=400, content_type="text/plain")
    try:
        event = webhooks.verified_event(request.body, request.headers.get("Stripe-Signature", ""), secret)
    except webhooks.NotAnEvent as error:
        return HttpResponse(f"not a Stripe event: {error}", status=400, content_type="text/plain")
    except (ValueError, stripe.SignatureVerificationError):
        return HttpResponse("invalid signature", status=400, content_type="text/plain")
    outcome = webhooks.handle_event(event)
    return JsonResponse({"received": True, "outcome": outcome})
