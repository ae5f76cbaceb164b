"""Public endpoints of giving: start a gift, the return pages, the upsell, the manage link, the demo pages.

The donate page itself is a cached Wagtail page; its form posts here (uncached, no CSRF token for the
same reason as the ad's gift form: cross-site posts are refused by Sec-Fetch-Site, see README).
"""

import logging

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from website import ratelimit
from website.net import client_ip

from . import checkout, fulfilment, tasks
from .forms import DonateForm
from .models import DonatePage, Gift, GiftStatus, MonthlyGift, MonthlyStatus
from .payments import DemoGiving, PaymentError, PaymentUnavailable, checkout_provider, provider_for
from .tokens import LinkExpired, LinkInvalid, read_manage_token, read_return_token

logger = logging.getLogger(__name__)

STARTS_PER_IP_PER_HOUR = 30
MANAGE_LINKS_PER_IP_PER_HOUR = 5


def private(response):
    add_never_cache_headers(response)
    return response


def message(request, status, title, text, **context):
    return private(render(request, "giving/message.html", {"title": title, "message": text, **context}, status=status))


def cross_site(request):
    return request.headers.get("Sec-Fetch-Site") == "cross-site"


def donate_page(page_id):
    page = DonatePage.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404("No such donate page")
    return page.localized


def unavailable(request):
    return message(
        request,
        503,
        _("Giving online is not possible right now"),
        _("Please try again later, or transfer your gift to our bank account."),
    )


@csrf_exempt
@require_POST
def give(request, page_id):
    page = donate_page(page_id)
    if cross_site(request):
        return message(request, 403, _("Not given"), _("Gifts can only be made on this site."))
    form = DonateForm(request.POST, page=page)
    if not form.is_valid() or form.amount_cents is None:
        context = {**page.get_context(request), "form": form}
        return private(render(request, page.get_template(request), context, status=400))
    ip = client_ip(request)
    if ip and ratelimit.hit("giving-start-ip", ip, STARTS_PER_IP_PER_HOUR, 3600):
        return message(request, 429, _("Not given"), _("You started many gifts in a short time. Please wait a while."))
    try:
        _row, url = checkout.start_gift(page, form, translation.get_language(), checkout_provider())
    except (PaymentError, PaymentUnavailable):
        logger.exception("could not start a gift's checkout")
        return unavailable(request)
    return HttpResponseRedirect(url, status=303)


def returned(token):
    """The gift or monthly gift of a signed return link; 404 for a forged, altered or expired one."""
    found = read_return_token(token)
    if found is None:
        raise Http404("Invalid return link")
    kind, key = found
    model = {"Gift": Gift, "MonthlyGift": MonthlyGift}.get(kind)
    row = model.objects.filter(token=key).first() if model else None
    if row is None:
        raise Http404("Unknown gift")
    return row


def is_paid_row(row):
    if isinstance(row, MonthlyGift):
        return row.status != MonthlyStatus.INCOMPLETE
    return row.status == GiftStatus.PAID


def catch_up(row):
    """Before the webhook arrived: ask Stripe for the session and hand it to the same fulfilment function."""
    if row.provider != "stripe" or not row.checkout_session_id:
        return row
    if ratelimit.hit("giving-thanks", str(row.token), 20, 60):
        return row
    try:
        session = provider_for(row).retrieve_session(row.checkout_session_id)
    except PaymentError:
        return row
    if isinstance(row, MonthlyGift):
        fulfilment.start_subscription(session)
    else:
        fulfilment.fulfil_gift_session(session)
    row.refresh_from_db()
    return row


def thanks(request, token):
    """What really happened: nothing is credited on this page's say-so (see `catch_up`)."""
    row = returned(token)
    if not is_paid_row(row):
        row = catch_up(row)
    monthly = isinstance(row, MonthlyGift)
    paid = is_paid_row(row)
    context = {
        "row": row,
        "monthly": monthly,
        "paid": paid,
        "token": token,
        "can_upsell": not monthly and paid and not MonthlyGift.objects.filter(upsold_from=row).exists(),
        "page": DonatePage.objects.filter(translation_key=row.page_key).first(),
    }
    return private(render(request, "giving/thanks.html", context))


def cancelled(request, token):
    returned(token)
    return message(request, 200, _("Not given"), _("You stopped before paying: nothing was paid."))


@require_POST
def make_monthly(request, token):
    """The one-click upsell: the paid one-off gift's donor and amount, monthly, to checkout."""
    gift = returned(token)
    if cross_site(request):
        return message(request, 403, _("Not given"), _("Gifts can only be made on this site."))
    if not isinstance(gift, Gift) or gift.status != GiftStatus.PAID or gift.monthly_gift_id:
        return message(request, 409, _("Not possible"), _("Only a paid one-off gift can be made monthly."))
    try:
        monthly, url = checkout.make_monthly(gift, provider_for(gift))
    except PaymentError:
        return unavailable(request)
    if url is None:
        return message(request, 409, _("Thank you!"), _("This gift is already monthly."))
    return HttpResponseRedirect(url, status=303)


@csrf_exempt
@require_POST
def request_manage_link(request):
    """Email the link to manage one's monthly gift. The same answer whether or not the address gives."""
    if cross_site(request):
        return message(request, 403, _("Not sent"), _("This form can only be used on this site."))
    from django import forms

    field = forms.EmailField(max_length=254)
    try:
        email = field.clean(request.POST.get("email", ""))
    except forms.ValidationError:
        return message(request, 400, _("Not sent"), _("This does not look like an email address."))
    ip = client_ip(request)
    if ip and ratelimit.hit("giving-manage-ip", ip, MANAGE_LINKS_PER_IP_PER_HOUR, 3600):
        return message(request, 429, _("Not sent"), _("Too many requests. Please wait a while."))
    tasks.send_manage_link.enqueue(email, translation.get_language())
    return message(
        request,
        200,
        _("Check your email"),
        _("If this address gives monthly, we have sent it a link to manage the gift. The link works for two days."),
    )


def manage_customer(request, token):
    try:
        return read_manage_token(token), None
    except LinkExpired:
        return None, message(
            request, 410, _("This link has expired"), _("Please ask for a new link on the donate page.")
        )
    except LinkInvalid:
        return None, message(request, 400, _("This link is not valid"), _("Please use the link from the email."))


@require_http_methods(["GET", "POST"])
def manage(request, token):
    """The emailed link: a button (so that a mail scanner's GET opens nothing), then Stripe's portal."""
    customer_id, refusal = manage_customer(request, token)
    if refusal:
        return refusal
    gifts = MonthlyGift.objects.filter(customer_id=customer_id).order_by("-created_at")
    if not gifts.exists():
        return message(request, 404, _("No monthly gift"), _("We found no monthly gift for this link."))
    if request.method == "GET":
        years = range(timezone.now().year, timezone.now().year - 3, -1)
        return private(render(request, "giving/manage.html", {"gifts": gifts, "token": token, "years": years}))
    provider = provider_for(gifts.first())
    return_url = f"{settings.SITE_URL}{request.path}"
    try:
        url = provider.portal_url(customer_id, translation.get_language(), return_url)
    except PaymentError:
        return unavailable(request)
    return HttpResponseRedirect(url, status=303)


def statement(request, token, year):
    """The yearly statement of the donor the manage link is for (PDF, in the page's language)."""
    from django.http import HttpResponse

    from .statements import statement_pdf

    customer_id, refusal = manage_customer(request, token)
    if refusal:
        return refusal
    if not 2000 <= year <= timezone.now().year:
        return message(request, 404, _("No statement"), _("There is no statement for this year."))
    response = HttpResponse(
        statement_pdf(customer_id, year, translation.get_language()), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="statement-{year}.pdf"'
    return private(response)


# The demo provider's pages -----------------------------------------------------------------------


def demo_only(row=None):
    if (row is not None and row.provider != DemoGiving.name) or not settings.DEMO_PAYMENTS_ALLOWED:
        raise Http404("Demo payments are off")


@require_http_methods(["GET", "POST"])
def demo_checkout(request, token):
    """Stands in for Stripe Checkout: "Pay" runs the same functions as Stripe's events would."""
    row = returned(token)
    demo_only(row)
    monthly = isinstance(row, MonthlyGift)
    open_ = row.status in (MonthlyStatus.INCOMPLETE, GiftStatus.PENDING)
    if request.method == "POST" and open_:
        if request.POST.get("action") == "pay":
            from . import demo_payments

            (demo_payments.pay_monthly if monthly else demo_payments.pay_gift)(row)
            return HttpResponseRedirect(returned_url("thanks", token), status=303)
        return HttpResponseRedirect(returned_url("cancelled", token), status=303)
    context = {"row": row, "monthly": monthly, "open": open_, "token": token}
    return private(render(request, "giving/demo_checkout.html", context))


def returned_url(name, token):
    from django.urls import reverse

    return reverse(f"giving:{name}", args=[token])


@require_http_methods(["GET", "POST"])
def demo_portal(request, token):
    """Stands in for Stripe's customer portal: see one's monthly gifts, stop one."""
    customer_id, refusal = manage_customer(request, token)
    if refusal:
        return refusal
    demo_only()
    gifts = MonthlyGift.objects.filter(customer_id=customer_id, provider=DemoGiving.name).order_by("-created_at")
    if request.method == "POST":
        gift = (
            gifts.filter(token=request.POST.get("gift") or None).first() if _is_uuid(request.POST.get("gift")) else None
        )
        if gift is None:
            return message(request, 400, _("Not stopped"), _("Please choose one of your monthly gifts."))
        from . import demo_payments

        demo_payments.stop(gift)
        return HttpResponseRedirect(request.path, status=303)
    return private(render(request, "giving/demo_portal.html", {"gifts": gifts}))


def _is_uuid(value):
    return fulfilment._uuid(value) is not None
