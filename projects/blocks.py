from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PrincipleBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Principle"))
    description = blocks.TextBlock(label=_("What it means"))

    class Meta:
        icon = "tick-inverse"
        label = _("Principle")


class OfferBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("What is offered"))
    description = blocks.TextBlock(required=False, label=_("Details"))

    class Meta:
        icon = "pick"
        label = _("Offer")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160, label=_("Step"))
    description = blocks.TextBlock(required=False, label=_("Details"))

    class Meta:
        icon = "list-ol"
        label = _("Step")
