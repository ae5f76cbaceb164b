"""Whether an ad takes gifts now: its own state, and the state of the campaigns that show it."""

from website.references import shown_only_on_finished_pages


def open_for_gifts(ad, pages=None):
    """Open and before its deadline, and not shown only on finished campaigns: a campaign that has finished
    closes its ad too, even if the ad was left open (duck-typed: the page says whether it `is_finished`;
    this app does not import campaigns). An ad on no page yet stays open. `pages`: the live pages showing
    the ad, when the caller has them already."""
    return ad.accepts_gifts() and not shown_only_on_finished_pages(ad, pages)
