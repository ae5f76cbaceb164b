import hashlib

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from website import caching
from website.blocks import KeptSnippetChooserBlock

from . import canvas


def gift_context(ad, form=None):
    """What the ad's block and the gift form page show: counters, canvas, credits, the form."""
    from .forms import GiftForm
    from .models import DonationSettings

    state = canvas.get_state(ad)
    # As shown on pages, kept per content version (saving the settings moves it on); the gift endpoint reads
    # them fresh.
    limits = caching.per_version(None, "donation-settings", DonationSettings.load)
    empty_form = form is None
    if empty_form:  # lazy: the empty form renders inside a `{% pagepart %}`, usually from the cache
        form = SimpleLazyObject(lambda: GiftForm(ad=ad, limits=limits, initial={"choice": "1"}))
    return {
        "ad": ad,
        "state": state,
        # Lazy: drawn inside `{% pagepart %}`s keyed by `canvas_version`, usually from the cache.
        "rects": SimpleLazyObject(lambda: canvas.rects(state)),
        "named": SimpleLazyObject(lambda: canvas.named_cells(state)),
        "credits": SimpleLazyObject(lambda: canvas.credits(state)),
        "canvas_version": canvas_version(state),
        "form": form,
        "empty_form": empty_form,
        "is_open": state["open"],
        "sold_out": state["free_units"] == 0,
        "accepts_gifts": ad.accepts_gifts(),
        # Funded, published or past its deadline: the ad shows its result and takes no gifts.
        "finished": not ad.accepts_gifts(),
        # A thin margin so the outer grid lines are not clipped.
        "view_box": f"-0.15 -0.15 {state['width'] + 0.3:g} {state['height'] + 0.3:g}",
        "has_reserved": state["total_cm2"] < state["width"] * state["height"],
        "strings": script_strings(limits),
        "strings_id": f"donation-strings-{ad.pk}",
    }


def canvas_version(state):
    """What the drawn canvas and its credits depend on between publishes: which squares are funded, held or
    named (the rest of what they show changes only with a publish, which moves the content version on)."""
    drawn = (state["cells"], sorted(state["partial"].items()), sorted(state["names"].items()))
    digest = hashlib.md5(repr(drawn).encode(), usedforsecurity=False).hexdigest()
    return f"{state['funded_units']}:{state['held_units']}:{digest}"


def script_strings(limits):
    """The texts donations.js shows, translated here (the page is rendered per language)."""
    return {
        "cell": gettext("row %(row)s, square %(column)s"),
        "cells": gettext("row %(row)s, squares %(first)s–%(last)s"),
        "free": gettext("free"),
        "freePick": gettext("free: press Enter or click to pick it"),
        "funded": gettext("funded"),
        "fundedBy": gettext("funded by %(names)s"),
        "partly": gettext("%(percent)s%% funded"),
        "held": gettext("on hold during a checkout"),
        "notForSale": gettext("not for sale"),
        "picked": gettext("picked by you: press Enter or click to drop it"),
        "pickedOne": gettext("You picked 1 square: %(amount)s."),
        "pickedMany": gettext("You picked %(count)s squares: %(amount)s."),
        "pickHint": gettext(
            "Choose free squares on the canvas: tap or click them, or move over it with the arrow keys and press Enter."
        ),
        "tooMany": gettext("You can pick at most %(count)s squares."),
        "taken": gettext("Taken by someone else meanwhile, so no longer picked: %(cells)s."),
        "buys": gettext("buys %(cm2)s cm²"),
        "progress": gettext("%(funded)s of %(total)s cm²"),
        "noNames": gettext("No names yet."),
        "canvasPick": gettext("The ad's canvas. Arrow keys move between squares; Enter picks a free square."),
        "canvasExplore": gettext("The ad's canvas. Arrow keys move between squares."),
        "maxCells": limits.maximum_cells,
    }


class DonationAdBlock(blocks.StructBlock):
    """A square-centimetre ad on a campaign page: counters, the canvas of funded cells, the gift form."""

    ad = KeptSnippetChooserBlock("donations.DonationAd", label=_("Donation ad"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        if value.get("ad") is not None:
            context.update(gift_context(value["ad"]))
            # A finished campaign never shows an open ask, even if its ad was left open (duck-typed: the
            # campaign page says whether it is finished; this app does not import campaigns).
            page = (parent_context or {}).get("page")
            if getattr(page, "is_finished", False):
                context.update(finished=True, is_open=False)
        return context

    class Meta:
        icon = "grip"
        template = "donations/blocks/donation_ad_block.html"
        live = True  # its funded squares change with every gift (website.page_parts)
        label = _("Donation ad (per cm²)")
