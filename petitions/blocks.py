from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from website.blocks import KeptSnippetChooserBlock

from . import counting, lookups, tracker
from .consent import current_consent
from .forms import SignatureForm


class PetitionBlock(blocks.StructBlock):
    """A petition on a campaign page: the ask, a live counter, the signing form and, when the
    petition targets municipalities, the tracker of their responses."""

    petition = KeptSnippetChooserBlock("petitions.Petition", label=_("Petition"))
    show_tracker = blocks.BooleanBlock(required=False, default=True, label=_("Show the municipality tracker"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        petition = value["petition"]
        if petition is None:
            return context
        consent = current_consent(petition)
        interval = lookups.petition_settings().counting_interval
        count = counting.get_count(petition.petition_key, ttl=interval)
        milestones = [m for m in petition.milestone_list if m > count["total"]] + [petition.goal]
        next_target = max(min(milestones), 1)
        context.update(
            petition=petition,
            consent=consent,
            count=count,
            next_target=next_target,
            percent=min(100, round(100 * count["total"] / next_target)) if next_target else 100,
            # Lazy: the form and the tracker render inside `{% pagepart %}`s, usually from the cache.
            form=SimpleLazyObject(
                lambda: SignatureForm(
                    petition=petition, consent_text=consent.text, initial={"consent_version": consent.pk}
                )
            ),
            is_open=petition.is_open(),
            poll_seconds=max(interval, 3),
        )
        if petition.has_targets and value.get("show_tracker"):
            context["tracker"] = SimpleLazyObject(lambda: tracker.summary(petition))
        return context

    class Meta:
        icon = "form"
        template = "petitions/blocks/petition_block.html"
        live = True  # its count and whether it is open change without a publish (website.page_parts)
        label = _("Petition")
