"""A partner's staff export only the confirmed signers who opted in to that partner; everyone else gets 403."""

import csv
import io
import uuid

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coalitions.consent import current_partner_consent
from coalitions.models import PartnerOptIn
from petitions.models import SignatureStatus


def export_url(partner_key):
    return f"/admin/petitions/partner-opt-ins/{partner_key}.csv"


def read_csv(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.fixture
def opted_in(new_signature, partners):
    """Signers: confirmed and opted in to partner 0 (Ada), to partner 1 (Bo), pending (Cas), anonymised (Dirk),
    confirmed without any opt-in (Eva)."""
    from django.utils import timezone

    def opt_in(signature, partner):
        PartnerOptIn.objects.create(
            signature=signature, partner_key=partner.partner_key, consent=current_partner_consent(partner)
        )

    confirmed = {"status": SignatureStatus.CONFIRMED, "confirmed_at": timezone.now()}
    opt_in(new_signature("Ada", **confirmed), partners[0])
    opt_in(new_signature("Bo", **confirmed), partners[1])
    opt_in(new_signature("Cas"), partners[0])
    opt_in(new_signature("Dirk", anonymised_at=timezone.now(), **confirmed), partners[0])
    new_signature("Eva", **confirmed)


def test_staff_without_the_partners_permission_get_403(client, staff, partners, opted_in):
    client.force_login(staff)
    assert client.get(export_url(partners[0].partner_key)).status_code == 403


def test_the_refusal_comes_before_any_lookup_so_an_unknown_partner_looks_the_same(client, staff, partners):
    client.force_login(staff)
    for key in (uuid.uuid4(), partners[0].partner_key):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(export_url(key)).status_code == 403
        looked_up = [query["sql"] for query in queries if "coalitions_" in query["sql"] or "petitions_" in query["sql"]]
        assert looked_up == []


def test_one_partners_permission_does_not_open_another_partners_export(client, staff, partners, opted_in):
    staff.user_permissions.add(partners[0].export_permission())
    client.force_login(staff)
    assert client.get(export_url(partners[1].partner_key)).status_code == 403


def test_the_export_holds_only_confirmed_signers_who_opted_in_to_that_partner(client, staff, partners, opted_in):
    staff.user_permissions.add(partners[0].export_permission())
    client.force_login(staff)
    response = client.get(export_url(partners[0].partner_key))
    assert response.status_code == 200
    rows = read_csv(response)
    assert rows[0][:2] == ["Naam", "E-mail"] or rows[0][:2] == ["Name", "Email"]
    assert [row[:2] for row in rows[1:]] == [["Ada", "ada@example.org"]]
    assert rows[1][5] == "1"  # the version of the opt-in text accepted


def test_the_permission_is_per_partner_and_made_when_the_partner_is_added(partners):
    from django.contrib.auth.models import Permission

    codenames = set(
        Permission.objects.filter(codename__startswith="export_partner_").values_list("codename", flat=True)
    )
    assert {partner.export_codename for partner in partners} <= codenames


def test_a_malformed_partner_key_is_not_found(client, staff):
    client.force_login(staff)
    assert client.get("/admin/petitions/partner-opt-ins/not-a-key.csv", follow=True).status_code == 404


def test_a_superuser_with_an_unknown_partner_key_gets_404(client, db):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "pw"))
    assert client.get(export_url(uuid.uuid4())).status_code == 404


def test_the_index_lists_only_the_partners_the_user_may_export(client, staff, partners, opted_in):
    staff.user_permissions.add(partners[1].export_permission())
    client.force_login(staff)
    html = client.get("/admin/petitions/partner-opt-ins/").content.decode()
    assert "Kinderrechten Voorbeeld" in html and "Vluchtelingenwerk Voorbeeld" not in html
