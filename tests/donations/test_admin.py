import csv
import io

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.utils import translation
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from donations import canvas
from donations.models import Donation, DonationAd, NameStatus

from .conftest import hold_for
from .test_canvas import donate

pytestmark = pytest.mark.django_db


def login(client, group, language="en"):
    user = User.objects.create_user(group.lower().replace(" ", "-"), password="not-used")
    user.groups.add(Group.objects.get(name=group))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    client.force_login(user)
    return user


def granted(group):
    return {
        f"{app}.{codename}"
        for app, codename in Group.objects.get(name=group).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_finance_may_export_and_campaign_staff_may_moderate_after_migrating(db):
    finance, staff, editors = granted("Finance"), granted("Campaign staff"), granted("Editors")
    assert {"donations.view_donation", "donations.export_donations"} <= finance
    assert "donations.change_donation" not in finance
    assert {"donations.view_donation", "donations.change_donation", "donations.change_donationad"} <= staff
    assert "donations.export_donations" not in staff
    assert {"donations.change_donationad"} <= editors and "donations.view_donation" not in editors


def test_the_dashboard_shows_totals_holds_and_donations(client, ad):
    donate(ad, cm2=2, name="Anna", approved=False)
    from .conftest import hold_for

    hold_for(ad, cm2=1)
    login(client, "Campaign staff")
    response = client.get(f"/admin/donations/{ad.ad_key}/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Holds in progress" in content and "Anna" in content and "Names to check" in content
    assert "€\xa020" in content


def test_the_ads_are_listed_with_a_link_to_their_figures(client, ad):
    login(client, "Finance")
    content = client.get("/admin/snippets/donations/donationad/").content.decode()
    assert "Gelijke nood" in content and f"/admin/donations/{ad.ad_key}/" in content


def test_the_donations_and_holds_listings_are_read_only(client, ad):
    donate(ad, cm2=1)
    login(client, "Finance")
    assert client.get("/admin/donations/list/").status_code == 200
    assert client.get("/admin/donations/holds/").status_code == 200
    assert client.get("/admin/donations/list/new/", follow=True).status_code == 404


def test_names_are_shown_only_after_moderation(client, ad):
    first = donate(ad, cm2=1, name="Bram", approved=False)
    second = donate(ad, cm2=1, name="Xx_spam_xX", approved=False)
    assert canvas.get_state(ad)["names"] == {}
    login(client, "Campaign staff")
    page = client.get(f"/admin/donations/{ad.ad_key}/names/").content.decode()
    assert "Bram" in page and "Xx_spam_xX" in page
    client.post(f"/admin/donations/{ad.ad_key}/names/", {"decision": "approve", "donation": [first.pk]})
    client.post(f"/admin/donations/{ad.ad_key}/names/", {"decision": "reject", "donation": [second.pk]})
    assert dict(Donation.objects.values_list("display_name", "name_status")) == {
        "Bram": NameStatus.APPROVED,
        "Xx_spam_xX": NameStatus.REJECTED,
    }
    assert canvas.get_state(ad)["names"] == {"0": ["Bram"]}
    assert ModelLogEntry.objects.filter(action="donations.moderate").count() == 2


def test_finance_cannot_moderate_names(client, ad):
    login(client, "Finance")
    assert client.get(f"/admin/donations/{ad.ad_key}/names/").status_code == 403


def test_the_finance_export_is_formula_safe_and_recorded(client, ad):
    donate(ad, cm2=1.5)
    donation = Donation.objects.get()
    Donation.objects.filter(pk=donation.pk).update(method='=HYPERLINK("http://x")')
    user = login(client, "Finance")
    response = client.get(f"/admin/donations/{ad.ad_key}/export/", {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Donation", "Paid at", "Amount (EUR)"]
    assert rows[1][2] == "15.00" and rows[1][5] == "1.50" and rows[1][7].startswith("'=")
    assert "@" not in "".join(rows[1])  # no email addresses
    entry = ModelLogEntry.objects.get(action="donations.export")
    assert entry.user == user and entry.data["rows"] == 1 and entry.data["format"] == "csv"


def test_the_finance_export_can_be_xlsx(client, ad):
    donate(ad, cm2=1)
    login(client, "Finance")
    response = client.get(f"/admin/donations/{ad.ad_key}/export/", {"format": "xlsx"})
    assert response.status_code == 200 and "spreadsheetml" in response["Content-Type"]


def test_only_finance_may_export(client, ad):
    login(client, "Campaign staff")
    assert client.get(f"/admin/donations/{ad.ad_key}/export/", {"format": "csv"}).status_code == 403
    assert not ModelLogEntry.objects.filter(action="donations.export").exists()


def test_an_export_with_bad_dates_is_refused(client, ad):
    login(client, "Finance")
    response = client.get(
        f"/admin/donations/{ad.ad_key}/export/", {"format": "csv", "date_from": "2026-05-02", "date_to": "2026-05-01"}
    )
    assert response.status_code == 400


def test_an_unknown_ad_has_no_dashboard(client, db):
    import uuid

    login(client, "Finance")
    assert client.get(f"/admin/donations/{uuid.uuid4()}/", follow=True).status_code == 404


def test_campaign_staff_can_create_an_ad_in_the_admin(client, db, locales):
    login(client, "Campaign staff")
    assert client.get("/admin/snippets/donations/donationad/add/").status_code == 200
    response = client.post(
        "/admin/snippets/donations/donationad/add/",
        {
            "title": "Nieuwe advertentie",
            "intro": "",
            "width_cm": "20",
            "height_cm": "30",
            "total_area_cm2": "600",
            "price_per_cm2": "5.00",
            "minimum_gift": "2.00",
            "deadline": "2030-04-01 12:00",
            "publication": "Trouw",
            "if_sold_out": "Extra giften gaan naar een tweede krant.",
            "if_deadline_passes": "Hij verschijnt toch.",
            "status": "open",
            "locale": locales["nl"].pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    ad = DonationAd.objects.get(title="Nieuwe advertentie")
    assert (ad.total_units, ad.price_cents) == (60000, 500)


def test_an_ad_larger_than_its_layout_is_refused_in_the_admin(client, db, locales):
    login(client, "Campaign staff")
    response = client.post(
        "/admin/snippets/donations/donationad/add/",
        {
            "title": "Te groot",
            "width_cm": "10",
            "height_cm": "10",
            "total_area_cm2": "101",
            "price_per_cm2": "5.00",
            "minimum_gift": "2.00",
            "deadline": "2030-04-01 12:00",
            "publication": "Trouw",
            "if_sold_out": "-",
            "if_deadline_passes": "-",
            "status": "open",
            "locale": locales["nl"].pk,
        },
    )
    assert response.status_code == 200 and not DonationAd.objects.filter(title="Te groot").exists()


def flashed(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(
    ("language", "one", "two", "logged_one", "logged_two"),
    [
        ("nl", "1 naam goedgekeurd.", "2 namen afgekeurd.", "1 naam goedgekeurd", "2 namen afgekeurd"),
        ("en", "1 name approved.", "2 names rejected.", "Approved 1 name", "Rejected 2 names"),
    ],
)
def test_moderation_says_how_many_names_in_the_right_number(client, ad, language, one, two, logged_one, logged_two):
    first, *others = (donate(ad, cm2=1, name=name, approved=False) for name in ("Bram", "Xx", "Yy"))
    login(client, "Campaign staff", language=language)
    url = f"/admin/donations/{ad.ad_key}/names/"
    assert flashed(client.post(url, {"decision": "approve", "donation": [first.pk]}))[-1] == one
    assert flashed(client.post(url, {"decision": "reject", "donation": [d.pk for d in others]}))[-1] == two
    with translation.override(language):
        messages = [entry.message for entry in ModelLogEntry.objects.filter(action="donations.moderate").order_by("pk")]
    assert messages == [logged_one, logged_two]


def test_a_dutch_finance_export_has_no_english_cells(client, ad):
    donate(ad, cm2=1)
    login(client, "Finance", language="nl")
    response = client.get(f"/admin/donations/{ad.ad_key}/export/", {"format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][0] == "Donatie" and rows[1][-1] == "nee"
    assert not {"yes", "no"} & set(rows[1])


def test_the_privacy_view_shows_labels_and_the_log_says_how_many_were_found(client, ad):
    donate(ad, cm2=1, name="Noor", email="noorb@gmail.com")
    hold_for(ad, cm2=1, email="noorb@gmail.com")
    login(client, "Campaign staff", language="nl")
    content = client.post("/admin/donations/privacy/", {"email": "noorb@gmail.com"}).content.decode()
    assert '<th scope="row">Bedrag (EUR)</th>' in content and '<th scope="row">Naam in het vlak</th>' in content
    assert "(onbetaalde betaalpoging)</caption>" in content and "<td>Getoond</td>" in content
    for key in ("amount_eur", "name_shown", "kind", "paid_at"):
        assert f'<th scope="row">{key}</th>' not in content
    with translation.override("en"):  # (an entry's message is cached: one entry per language)
        assert ModelLogEntry.objects.get(action="donations.privacy_access").message == (
            "Looked up the donations of one person (2 found)"
        )
    with translation.override("nl"):
        assert ModelLogEntry.objects.get(action="donations.privacy_access").message == (
            "Donaties van één persoon opgezocht (2 gevonden)"
        )
