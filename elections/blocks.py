from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from website import i18n

from .models import Election, Party, Theme


@dataclass
class Teaser:
    election: Election  # in the page's language
    parties: list
    themes: list


def compared(model, election_pk, locale_id):
    """The parties or themes with a position in the election, each in the locale when translated; one query."""
    keys = model.objects.filter(positions__election_id=election_pk).values("translation_key")
    copies = model.objects.filter(
        Q(positions__election_id=election_pk) | Q(translation_key__in=keys, locale_id=locale_id)
    ).distinct()
    chosen = {}
    for obj in copies:
        if obj.translation_key not in chosen or obj.locale_id == locale_id:
            chosen[obj.translation_key] = obj
    return list(chosen.values())


def teaser(election_pk, locale_id):
    """What a campaign page shows of a comparison: the election, its parties and themes; three queries."""
    keys = Election.objects.filter(pk=election_pk).values("translation_key")
    copies = list(Election.objects.filter(translation_key__in=keys))
    election = next((e for e in copies if e.locale_id == locale_id), None) or next(
        e for e in copies if e.pk == election_pk
    )
    parties = sorted(compared(Party, election_pk, locale_id), key=lambda party: (party.name.casefold(), party.pk))
    themes = sorted(compared(Theme, election_pk, locale_id), key=lambda theme: (theme.sort_order or 0, theme.pk))
    return Teaser(election=election, parties=parties, themes=themes)


class ElectionComparisonBlock(blocks.StructBlock):
    """A comparison on a campaign page: a short teaser (election, themes, parties) that leads to the
    comparison and its voting guide, in the campaign page's language."""

    page = blocks.PageChooserBlock(page_type="elections.ElectionComparisonPage", label=_("Election comparison"))
    intro = blocks.TextBlock(
        required=False,
        label=_("Introduction"),
        help_text=_("Why this comparison matters to the campaign. Empty: the comparison's own introduction."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        chosen = value.get("page")
        if chosen is None:  # deleted since it was chosen
            return context
        request = (parent_context or {}).get("request")
        [page] = i18n.localized_pages(request, chosen, specific=True)
        if not page.live:  # unpublished, and not translated into a live page either
            return context
        context.update(comparison_page=page, teaser=teaser(page.election_id, page.locale_id))
        return context

    class Meta:
        icon = "list-ul"
        template = "elections/blocks/election_comparison_block.html"
        label = _("Election comparison")
