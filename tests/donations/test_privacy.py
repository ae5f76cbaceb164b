import json

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import ModelLogEntry

from donations import canvas, privacy
from donations.models import Donation, Hold, NameStatus

from .conftest import hold_for
from .test_canvas import donate

pytestmark = pytest.mark.django_db


@pytest.fixture
def named_donation(ad):
    donation = donate(ad, cm2=1, name="Noor", email="noorb@gmail.com")
    hold_for(ad, cm2=1, email="noorb@gmail.com")  # an unpaid attempt too
    return donation


def test_access_request_lists_gifts_and_unpaid_attempts(named_donation):
    rows = privacy.export_person("Noor.B+gift@googlemail.com")
    assert [row["kind"] for row in rows] == ["donation", "unpaid checkout"]
    assert rows[0]["name_shown"] == "Noor" and rows[0]["amount_eur"] == "10.00"


def test_erasure_removes_email_and_name_but_keeps_the_books(named_donation, ad):
    assert canvas.get_state(ad)["names"] == {"0": ["Noor"]}
    assert privacy.erase_person("noorb@gmail.com") == 1
    donation = Donation.objects.get()
    assert (donation.email, donation.display_name, donation.name_status) == ("", "", NameStatus.NONE)
    assert donation.amount_cents == 1000 and donation.checkout_session_id and donation.anonymised_at
    assert not Hold.objects.exclude(email="").exists()
    assert canvas.get_state(ad)["names"] == {}  # gone from the canvas at once
    assert privacy.export_person("noorb@gmail.com") == []


def test_the_privacy_view_logs_without_the_address(client, named_donation):
    user = User.objects.create_user("staff")
    user.groups.add(Group.objects.get(name="Campaign staff"))
    client.force_login(user)
    response = client.post("/admin/donations/privacy/", {"email": "noorb@gmail.com", "action": "download"})
    assert response.status_code == 200 and json.loads(response.content)[0]["name_shown"] == "Noor"
    client.post("/admin/donations/privacy/", {"email": "noorb@gmail.com", "action": "erase"})
    entries = ModelLogEntry.objects.filter(action__startswith="donations.privacy")
    assert entries.count() == 2
    assert all("noorb" not in json.dumps(entry.data) for entry in entries)


def test_finance_cannot_answer_privacy_requests(client, named_donation):
    user = User.objects.create_user("finance")
    user.groups.add(Group.objects.get(name="Finance"))
    client.force_login(user)
    assert client.post("/admin/donations/privacy/", {"email": "noorb@gmail.com", "action": "erase"}).status_code == 403
    assert Donation.objects.get().email == "noorb@gmail.com"
