from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from donations.blocks import DonationAdBlock
from elections.blocks import ElectionComparisonBlock
from giving.blocks import DonateBlock
from petitions.blocks import PetitionBlock
from website import i18n
from website.blocks import BaseStreamBlock, FactsBlock, video_embed_url
from website.sharing import share_links


def country_choices():
    return list(countries)


class TimelineEventBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(max_length=160, label=_("What happened"))
    description = blocks.TextBlock(required=False, label=_("Details"))


class TimelineBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=160, label=_("Title"))
    events = blocks.ListBlock(TimelineEventBlock(), min_num=1, label=_("Events"))

    class Meta:
        icon = "date"
        template = "campaigns/blocks/timeline_block.html"
        label = _("Timeline")


class ShareBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Share text"),
        help_text=_("The message people share, e.g. the campaign's ask."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        page = (parent_context or {}).get("page")
        url = page.get_full_url(request) if page else (request.build_absolute_uri() if request else "")
        context["share_url"] = url
        context["links"] = share_links(url, value.get("text") or "")
        return context

    class Meta:
        icon = "link"
        template = "campaigns/blocks/share_block.html"
        label = _("Share buttons")


class RelatedCampaignsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=160, label=_("Title"))
    campaigns = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="campaigns.CampaignPage"), min_num=1, max_num=6, label=_("Campaigns")
    )

    def get_context(self, value, parent_context=None):
        """The live campaigns in the page's language, with their images and renditions: two queries for
        all the cards rather than two per card."""
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        chosen = [page for page in value.get("campaigns") or [] if page is not None]
        locale = i18n.active_locale(request)
        model = self.child_blocks["campaigns"].child_block.target_model
        found = (
            model.objects.live()
            .filter(
                Q(pk__in=[page.pk for page in chosen])
                | Q(translation_key__in=[page.translation_key for page in chosen], locale=locale)
            )
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )
        # Each campaign in the page's language when translated and live, else as chosen (as `localized`).
        own = {page.translation_key: page for page in found if page.locale_id == locale.pk}
        as_chosen = {page.pk: page for page in found}
        cards = [own.get(page.translation_key) or as_chosen.get(page.pk) for page in chosen]
        context["cards"] = [card for card in cards if card is not None]
        return context

    class Meta:
        icon = "doc-full-inverse"
        template = "campaigns/blocks/related_campaigns_block.html"
        label = _("Related campaigns")


class EpisodeBlock(blocks.StructBlock):
    place = blocks.CharBlock(max_length=120, label=_("Place"))
    country = blocks.ChoiceBlock(choices=country_choices, label=_("Country"))
    latitude = blocks.FloatBlock(min_value=-90, max_value=90, label=_("Latitude"))
    longitude = blocks.FloatBlock(min_value=-180, max_value=180, label=_("Longitude"))
    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    summary = blocks.TextBlock(label=_("Summary"))
    video_url = blocks.URLBlock(required=False, label=_("YouTube or Vimeo link"))
    media_file = DocumentChooserBlock(required=False, label=_("Audio or video file"))

    def clean(self, value):
        value = super().clean(value)
        if value.get("video_url") and not video_embed_url(value["video_url"]):
            raise StructBlockValidationError(
                {"video_url": ValidationError(_("Use a YouTube (youtube.com, youtu.be) or Vimeo link."))}
            )
        return value


class ReportSeriesBlock(blocks.StructBlock):
    """Reports from a journey (e.g. Border Reached!): a list of episodes and the route on a map."""

    title = blocks.CharBlock(max_length=160, label=_("Title"))
    intro = blocks.TextBlock(required=False, label=_("Introduction"))
    episodes = blocks.ListBlock(EpisodeBlock(), min_num=1, label=_("Episodes"))

    def get_context(self, value, parent_context=None):
        from projects.worldmap import render_map

        context = super().get_context(value, parent_context)
        episodes = sorted(value["episodes"], key=lambda episode: episode["date"])
        context["episodes"] = [
            {
                "value": episode,
                "embed_url": video_embed_url(episode["video_url"]) if episode["video_url"] else None,
                "country_name": countries.name(episode["country"]),
            }
            for episode in episodes
        ]
        route = [
            {"lon": e["longitude"], "lat": e["latitude"], "label": f"{i}. {e['place']}"}
            for i, e in enumerate(episodes, start=1)
        ]
        context["route_map"] = render_map(
            {}, route=route, label=str(_("Route of the journey: %(title)s") % {"title": value["title"]})
        )
        return context

    class Meta:
        icon = "site"
        template = "campaigns/blocks/report_series_block.html"
        label = _("Report series")


class CampaignStreamBlock(BaseStreamBlock):
    """The shared blocks plus the campaign modules: key figures, timeline, sharing, related campaigns,
    report series, a petition, a donation ad, an election comparison and a donate form."""

    key_figures = FactsBlock(label=_("Key figures"))
    timeline = TimelineBlock()
    share = ShareBlock()
    related_campaigns = RelatedCampaignsBlock()
    report_series = ReportSeriesBlock()
    petition = PetitionBlock()
    donation_ad = DonationAdBlock()
    election_comparison = ElectionComparisonBlock()
    donate = DonateBlock()
