"""Staff screens: a partner's export of its opt-ins, the sign → share → give funnel, the embed snippets."""

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy, override
from wagtail.log_actions import log

from donations.models import DonationAd
from petitions.models import Petition, Signature, SignatureStatus
from website.admin_views import StaffTemplateView
from website.exports import stream_csv
from website.references import pages_showing
from website.translation import in_language_or_404

from .clicks import clicks_by_channel
from .journey import SHARE_CHANNELS
from .models import EXPORT_PERMISSION, CoalitionPartner, DonationOrigin, ShareChannel
from .opt_ins import OPT_IN_COLUMNS, opt_in_rows


def can_export(user, partner_key):
    return user.has_perm(f"coalitions.{EXPORT_PERMISSION.format(partner_key.hex)}")


class PartnerExportView(StaffTemplateView):
    """The CSV of a partner's opt-ins: confirmed signers who ticked that partner's box, nothing else.

    The permission is the partner's own, checked on the key in the URL before anything is looked up: a user
    without it gets 403 whether or not the partner exists.
    """

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.permission_required = f"coalitions.{EXPORT_PERMISSION.format(kwargs['partner_key'].hex)}"

    def get(self, request, partner_key):
        partner = in_language_or_404(partner_key, settings.LANGUAGE_CODE, model=CoalitionPartner)
        rows = opt_in_rows(partner_key)
        log(instance=partner, action="coalitions.partner_export", user=request.user, data={"rows": rows.count()})
        filename = f"{slugify(partner.organisation.name)[:60]}-opt-ins-{timezone.localdate():%Y-%m-%d}.csv"
        return stream_csv(filename, [str(header) for header, _field in OPT_IN_COLUMNS], rows.iterator(chunk_size=2000))


class PartnerExportIndexView(StaffTemplateView):
    """The partners whose opt-ins this user may export (a list only of those)."""

    permission_required = "wagtailadmin.access_admin"
    template_name = "coalitions/admin/partner_exports.html"
    page_title = gettext_lazy("Partner opt-ins")

    def get(self, request):
        partners = [
            partner
            for partner in CoalitionPartner.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
            .select_related("organisation", "petition")
            .order_by("petition__title", "sort_order")
            if can_export(request.user, partner.partner_key)
        ]
        counts = dict(
            Signature.objects.filter(
                status=SignatureStatus.CONFIRMED,
                anonymised_at__isnull=True,
                partner_opt_ins__partner_key__in=[partner.partner_key for partner in partners],
            )
            .values_list("partner_opt_ins__partner_key")
            .annotate(n=Count("pk"))
        )
        return self.render(rows=[(partner, counts.get(partner.partner_key, 0)) for partner in partners])


class FunnelView(StaffTemplateView):
    """Per campaign and petition: signed → confirmed → share-link clicks → donate-ask clicks → gifts."""

    permission_required = "petitions.view_signature"
    template_name = "coalitions/admin/funnel.html"
    page_title = gettext_lazy("Sign, share, give")

    def get(self, request):
        petitions = list(Petition.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("-opens_at"))
        keys = [petition.petition_key for petition in petitions]
        signatures = {
            row["petition_key"]: row
            for row in Signature.objects.filter(petition_key__in=keys)
            .values("petition_key")
            .annotate(signed=Count("pk"), confirmed=Count("pk", filter=Q(status=SignatureStatus.CONFIRMED)))
        }
        clicks = clicks_by_channel(keys)
        gifts = {
            row["petition_key"]: row
            for row in DonationOrigin.objects.filter(petition_key__in=keys)
            .values("petition_key")
            .annotate(gifts=Count("pk"), cents=Sum("donation__amount_cents"))
        }
        rows = []
        for petition in petitions:
            key = petition.petition_key
            by_channel = clicks.get(key, {})
            campaign = pages_showing(petition).first()
            rows.append(
                {
                    "petition": petition,
                    "campaign": campaign,
                    "signed": signatures.get(key, {}).get("signed", 0),
                    "confirmed": signatures.get(key, {}).get("confirmed", 0),
                    "channels": [(channel.label, by_channel.get(channel.value, 0)) for channel in SHARE_CHANNELS],
                    "shares": sum(by_channel.get(channel.value, 0) for channel in SHARE_CHANNELS),
                    "donate_clicks": by_channel.get(ShareChannel.DONATE.value, 0),
                    "gifts": gifts.get(key, {}).get("gifts", 0),
                    "gift_cents": gifts.get(key, {}).get("cents") or 0,
                    "embed": embed_snippets(request, "coalitions:embed_petition", key, petition.title),
                }
            )
        rows.sort(key=lambda row: (row["campaign"].title if row["campaign"] else "~", row["petition"].title))
        ads = [
            {"ad": ad, "embed": embed_snippets(request, "coalitions:embed_ad", ad.ad_key, ad.title)}
            for ad in DonationAd.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title")
        ]
        return self.render(rows=rows, campaigns=campaign_totals(rows), ads=ads)


FIGURES = ("signed", "confirmed", "shares", "donate_clicks", "gifts", "gift_cents")


def campaign_totals(rows):
    """[{campaign, figures summed over its petitions}] for the campaigns that carry a petition, in row order."""
    totals = {}
    for row in rows:
        if row["campaign"] is not None:
            total = totals.setdefault(row["campaign"].pk, {"campaign": row["campaign"], **dict.fromkeys(FIGURES, 0)})
            for figure in FIGURES:
                total[figure] += row[figure]
    return list(totals.values())


def embed_snippets(request, url_name, key, title):
    """[(language name, <iframe> HTML)] for the counter in each language, to copy into another site."""
    snippets = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        with override(code):
            url = request.build_absolute_uri(reverse(url_name, args=[key]))
        snippets.append(
            (
                name,
                str(
                    format_html(
                        '<iframe src="{}" title="{}" width="100%" height="240" loading="lazy" '
                        'style="border:0;max-width:480px"></iframe>',
                        url,
                        title,
                    )
                ),
            )
        )
    return snippets
