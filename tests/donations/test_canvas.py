import datetime
import uuid

import pytest
from django.utils import timezone, translation

from donations import canvas
from donations.fulfilment import fulfil_checkout_session
from donations.models import Donation, NameStatus
from donations.payments import DemoProvider

from .conftest import hold_for

pytestmark = pytest.mark.django_db


def donate(ad, name="", approved=True, **kwargs):
    """A paid gift through the one fulfilment function (the demo provider's session shape)."""
    hold = hold_for(ad, name=name, provider="demo", **kwargs)
    result = fulfil_checkout_session(DemoProvider().paid_session(hold))
    if name and approved:
        Donation.objects.filter(pk=result.donation.pk).update(name_status=NameStatus.APPROVED)
    canvas.invalidate(ad.ad_key)
    return result.donation


def state(ad):
    return canvas.build_state(ad)


def test_an_empty_ad_is_free_except_the_cells_not_for_sale(ad):
    cells = state(ad)["cells"]
    assert len(cells) == 110 and cells == "." * 105 + "x" * 5


def test_gifts_fill_the_cells_in_order_and_share_the_last_one(ad):
    donate(ad, cm2=2.5)
    result = state(ad)
    assert result["cells"][:4] == "ffp." and result["partial"] == {"2": 50}
    assert (result["funded_units"], result["free_units"], result["donors"], result["raised_cents"]) == (
        250,
        10250,
        1,
        2500,
    )


def test_held_area_is_drawn_after_the_funded_area(ad):
    donate(ad, cm2=2.5)
    hold_for(ad, cm2=1)
    assert state(ad)["cells"][:5] == "ffph."


def test_chosen_cells_are_drawn_where_they_were_chosen_and_the_pool_skips_them(ad):
    donate(ad, cells=[1])
    hold_for(ad, cells=[50])
    donate(ad, cm2=2)
    cells = state(ad)["cells"]
    assert cells[:4] == "fff." and cells[50] == "h"


def test_names_appear_only_once_approved_on_the_cells_their_gift_fills(ad):
    donate(ad, cm2=0.5, name="Anna")
    donate(ad, cm2=0.5, name="Bram")
    donate(ad, cm2=1, name="Chaima", approved=False)
    donate(ad, cells=[70], name="Daan")
    names = state(ad)["names"]
    assert names == {"0": ["Anna", "Bram"], "70": ["Daan"]}


def test_a_refunded_gift_leaves_the_canvas(ad):
    from donations.fulfilment import record_refund

    donation = donate(ad, cm2=1, name="Emma")
    record_refund(donation.payment_intent_id, donation.amount_cents)
    result = state(ad)
    assert result["cells"][0] == "." and result["names"] == {} and result["donors"] == 0


def test_days_left_count_whole_days_to_the_deadline(ad):
    now = timezone.now()
    assert canvas.days_left(now + datetime.timedelta(days=2, hours=1), now) == 3
    assert canvas.days_left(now - datetime.timedelta(days=1), now) == 0


def test_the_svg_draws_runs_of_cells_per_row(ad):
    donate(ad, cm2=12.5)  # one full row of 10, two more, and half a cell
    shapes = canvas.rects(state(ad))
    assert {"x": 0, "y": 0, "w": 10, "h": 1, "kind": "f"} in shapes
    assert {"x": 0, "y": 1, "w": 2, "h": 1, "kind": "f"} in shapes
    assert {"x": 2, "y": 1.5, "w": 1, "h": 0.5, "kind": "f"} in shapes
    assert {"x": 5, "y": 10, "w": 5, "h": 1, "kind": "x"} in shapes


def test_the_svg_draws_a_block_of_equal_full_rows_as_one_rectangle(ad):
    donate(ad, cm2=35.5)  # three full rows of 10, five more, and half a cell
    shapes = canvas.rects(state(ad))
    assert {"x": 0, "y": 0, "w": 10, "h": 3, "kind": "f"} in shapes
    assert {"x": 0, "y": 3, "w": 5, "h": 1, "kind": "f"} in shapes
    assert {"x": 5, "y": 3.5, "w": 1, "h": 0.5, "kind": "f"} in shapes
    assert {"x": 5, "y": 3, "w": 1, "h": 1, "kind": "p"} in shapes
    assert {"x": 5, "y": 10, "w": 5, "h": 1, "kind": "x"} in shapes
    # Every cell is drawn once: the rectangles cover exactly the funded cells.
    covered = sum(shape["w"] * shape["h"] for shape in shapes if shape["kind"] == "f" and shape["h"] >= 1)
    assert covered == 35


def test_held_runs_are_not_joined_across_rows(ad):
    hold_for(ad, cm2=20)
    shapes = canvas.rects(state(ad))
    assert [shape for shape in shapes if shape["kind"] == "h"] == [
        {"x": 0, "y": 0, "w": 10, "h": 1, "kind": "h"},
        {"x": 0, "y": 1, "w": 10, "h": 1, "kind": "h"},
    ]


def test_named_cells_are_one_target_per_run_of_the_credits(ad):
    donate(ad, cm2=3, name="Fatima")
    donate(ad, cells=[15], name="Gijs")
    with translation.override("en"):
        named = canvas.named_cells(state(ad))
    assert named == [
        {"x": 0, "y": 0, "w": 3, "title": "row 1, squares 1–3: Fatima"},
        {"x": 5, "y": 1, "w": 1, "title": "row 2, square 6: Gijs"},
    ]


def test_credits_group_neighbouring_cells_with_the_same_names(ad):
    donate(ad, cm2=3, name="Fatima")
    with translation.override("en"):
        (credit,) = canvas.credits(state(ad))
    assert credit["label"] == "row 1, squares 1–3" and credit["named"] == "Fatima"


def test_canvas_json_is_public_and_short_lived(client, ad):
    response = client.get(f"/donations/{ad.ad_key}/canvas.json")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age=5" in response["Cache-Control"]
    data = response.json()
    assert (data["width"], data["height"], data["total_cm2"], data["open"]) == (10, 11, 105, True)
    assert "email" not in response.content.decode()


def test_canvas_json_is_served_from_the_cache_without_queries(client, ad, django_assert_num_queries):
    client.get(f"/donations/{ad.ad_key}/canvas.json")
    with django_assert_num_queries(0):
        assert client.get(f"/donations/{ad.ad_key}/canvas.json").status_code == 200


def test_canvas_json_shows_a_new_gift_at_once(client, ad):
    client.get(f"/donations/{ad.ad_key}/canvas.json")
    donate(ad, cm2=1)
    assert client.get(f"/donations/{ad.ad_key}/canvas.json").json()["funded_units"] == 100


def test_canvas_json_of_an_unknown_ad_is_not_found(client, db):
    assert client.get(f"/donations/{uuid.uuid4()}/canvas.json").status_code == 404
    assert client.get("/donations/nope/canvas.json").status_code == 404


def test_a_full_ad_is_not_open(small_ad):
    donate(small_ad, cm2=5)
    assert state(small_ad)["open"] is False and state(small_ad)["free_units"] == 0
