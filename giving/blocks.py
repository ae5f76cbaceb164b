"""The donate block: a donate page's form inside a campaign page's stream (once or monthly).

It posts to the chosen donate page's endpoint, so limits, checkout and errors are the page's own. To offer
it on campaign pages, add `("donate", DonateBlock())` to the campaign's stream (campaigns/blocks.py).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class DonateBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    page = blocks.PageChooserBlock(label=_("donate page"), page_type="giving.DonatePage")

    class Meta:
        icon = "pick"
        label = _("Donate (once or monthly)")
        template = "giving/blocks/donate.html"

    def get_context(self, value, parent_context=None):
        from .forms import DonateForm

        context = super().get_context(value, parent_context=parent_context)
        page = value.get("page")
        donate_page = page.specific.localized if page else None
        context["donate_page"] = donate_page if donate_page and donate_page.live else None
        if context["donate_page"] is not None:
            context["form"] = DonateForm(page=context["donate_page"], auto_id="donate-block-%s")
        return context
