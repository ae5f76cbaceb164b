"""The yearly statement per donor (PDF, in the donor's language): what the Dutch tax return needs for gifts
to an ANBI: the organisation's name and RSIN, and each gift of the year with its date and amount (net of
refunds). Drawn with reportlab; nothing is stored."""

import datetime
import io

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from donations.area import format_euros

from .anbi import anbi_for
from .models import Gift, GiftStatus


def gifts_of_year(customer_id, year):
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    return list(
        Gift.objects.filter(
            customer_id=customer_id,
            status__in=[GiftStatus.PAID, GiftStatus.REFUNDED],
            paid_at__gte=start,
            paid_at__lt=start.replace(year=year + 1),
        ).order_by("paid_at", "pk")
    )


def statement_pdf(customer_id, year, language):
    """The PDF's bytes; the gifts are those paid in `year` by this Stripe customer; the ANBI data from the
    site identity in `language`."""
    gifts = gifts_of_year(customer_id, year)
    anbi = anbi_for(language)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    with translation.override(language):
        pdf.setTitle(_("Yearly statement of gifts %(year)s") % {"year": year})
        y = A4[1] - 25 * mm

        def line(text, size=10, gap=6):
            nonlocal y
            if y < 25 * mm:
                pdf.showPage()
                y = A4[1] - 25 * mm
            pdf.setFont("Helvetica-Bold" if size > 10 else "Helvetica", size)
            pdf.drawString(20 * mm, y, text)
            y -= gap * mm

        line(_("Yearly statement of gifts %(year)s") % {"year": year}, size=16, gap=10)
        line(anbi.name)
        line(_("RSIN: %(rsin)s") % {"rsin": anbi.rsin or "—"})
        line(_("This organisation is an ANBI: gifts to it may be deductible from your income tax."), gap=10)
        if gifts:
            line(gifts[0].email, gap=10)
        total = 0
        for gift in gifts:
            kept = gift.amount_cents - gift.refunded_cents
            total += kept
            kind = _("monthly gift") if gift.frequency == "monthly" else _("gift")
            date = formats.date_format(timezone.localtime(gift.paid_at).date(), "SHORT_DATE_FORMAT")
            line(f"{date}    {kind}    {format_euros(kept)}")
        if not gifts:
            line(_("No gifts in this year."))
        line(_("Total: %(total)s") % {"total": format_euros(total)}, size=12, gap=8)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
