import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from petitions import counting, invalidation, privacy
from petitions.consent import current_consent
from petitions.models import Invalidation, Municipality, Signature, SignatureStatus


@pytest.fixture
def sign(petition, amsterdam):
    consent = current_consent(petition)

    def make(email, ip="198.51.100.1", **fields):
        values = {
            "petition_key": petition.petition_key,
            "name": email.split("@")[0],
            "email": email,
            "email_normalised": email.lower(),
            "language": "nl",
            "consent": consent,
            "ip_address": ip,
            "status": SignatureStatus.CONFIRMED,
            "confirmed_at": timezone.now(),
            "municipality": amsterdam,
            **fields,
        }
        return Signature.objects.create(**values)

    return make


@pytest.fixture
def bot_wave(sign):
    """Five confirmed and two pending signatures from one IP, and two genuine ones elsewhere."""
    for number in range(5):
        sign(f"bot{number}@mailinator.com", ip="203.0.113.9")
    for number in range(5, 7):
        sign(f"bot{number}@mailinator.com", ip="203.0.113.9", status=SignatureStatus.PENDING, confirmed_at=None)
    sign("noor@example.org")
    sign("daan@example.org")


@pytest.fixture
def staff(db):
    user = User.objects.create_user("campaigner", password="not-used")
    user.groups.add(Group.objects.get(name="Campaign staff"))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def count(petition):
    counting.update_counts()
    return counting.get_count(petition.petition_key, ttl=0)["confirmed"]


def test_matching_needs_at_least_one_criterion(petition):
    with pytest.raises(ValueError):
        invalidation.matching(petition.petition_key, {})


def test_matching_refuses_unknown_criteria(petition):
    with pytest.raises(ValueError):
        invalidation.matching(petition.petition_key, {"name": "Noor"})


def test_preview_count_is_the_count_invalidate_applies(petition, bot_wave, staff):
    criteria = {"ip": "203.0.113.9"}
    expected = invalidation.preview(petition.petition_key, criteria)
    done = invalidation.invalidate(petition.petition_key, criteria, "bot wave", staff)
    assert expected == done.matched == 7
    assert Signature.objects.filter(invalidation=done, status=SignatureStatus.INVALIDATED).count() == 7


def test_invalidation_by_email_domain_folds_googlemail_into_gmail(petition, sign, staff):
    sign("janjansen@gmail.com")
    sign("noor@example.org")
    assert invalidation.preview(petition.petition_key, {"email_domain": "GoogleMail.com"}) == 1


def test_invalidation_by_date_range_and_municipality_needs_both_to_match(petition, sign):
    utrecht = Municipality.objects.get(cbs_code="GM0344")
    yesterday = timezone.now() - datetime.timedelta(days=1)
    sign("a@example.org", created_at=yesterday)
    sign("b@example.org", created_at=yesterday, municipality=utrecht)
    sign("c@example.org")
    day = timezone.localdate(yesterday).isoformat()
    criteria = {"date_from": day, "date_to": day, "municipality": "GM0363"}
    assert [s.email for s in invalidation.matching(petition.petition_key, criteria)] == ["a@example.org"]


def test_invalidated_signatures_leave_the_count_and_undo_brings_them_back(petition, bot_wave, staff):
    assert count(petition) == 7
    done = invalidation.invalidate(petition.petition_key, {"ip": "203.0.113.9"}, "bot wave", staff)
    assert count(petition) == 2
    assert invalidation.undo(done) == 7
    assert count(petition) == 7


def test_undo_puts_unconfirmed_signatures_back_as_pending(petition, bot_wave, staff):
    done = invalidation.invalidate(petition.petition_key, {"ip": "203.0.113.9"}, "bot wave", staff)
    invalidation.undo(done)
    statuses = sorted(Signature.objects.filter(ip_address="203.0.113.9").values_list("status", flat=True))
    assert statuses == ["confirmed"] * 5 + ["pending"] * 2
    assert not Signature.objects.filter(invalidation=done).exists()


def test_undo_twice_restores_nothing_the_second_time(petition, bot_wave, staff):
    done = invalidation.invalidate(petition.petition_key, {"ip": "203.0.113.9"}, "bot wave", staff)
    invalidation.undo(done)
    assert invalidation.undo(done) == 0
    assert Invalidation.objects.get().undone_at is not None


def test_undo_leaves_signatures_erased_since_out_of_the_count(petition, sign, staff):
    sign("noor@example.org", ip="203.0.113.9")
    done = invalidation.invalidate(petition.petition_key, {"ip": "203.0.113.9"}, "bot wave", staff)
    privacy.erase_person("noor@example.org")
    assert invalidation.undo(done) == 0
    assert Signature.objects.get().status == SignatureStatus.INVALIDATED


def invalidate_url(petition):
    return f"/admin/petitions/{petition.petition_key}/invalidate/"


def test_invalidation_page_prefills_the_ip_from_the_abuse_report(staff_client, petition):
    response = staff_client.get(invalidate_url(petition), {"ip": "203.0.113.9"})
    assert response.status_code == 200
    assert 'value="203.0.113.9"' in response.content.decode()


def test_invalidation_preview_shows_the_count_and_a_sample_and_changes_nothing(staff_client, petition, bot_wave):
    response = staff_client.post(invalidate_url(petition), {"ip": "203.0.113.9", "reason": "bot wave"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "7 pending or confirmed signatures match" in content and "bot0@mailinator.com" in content
    assert not Signature.objects.filter(status=SignatureStatus.INVALIDATED).exists()


def test_confirming_the_preview_invalidates_and_logs_it(staff_client, petition, bot_wave):
    response = staff_client.post(invalidate_url(petition), {"ip": "203.0.113.9", "reason": "bot wave", "confirm": "1"})
    assert response.status_code == 302
    done = Invalidation.objects.get()
    assert (done.matched, done.reason, done.criteria, done.created_by.username) == (
        7,
        "bot wave",
        {"ip": "203.0.113.9"},
        "campaigner",
    )
    assert ModelLogEntry.objects.get(action="petitions.invalidate").data["matched"] == 7


def test_the_undo_button_restores_the_signatures(staff_client, petition, bot_wave, staff):
    done = invalidation.invalidate(petition.petition_key, {"ip": "203.0.113.9"}, "bot wave", staff)
    response = staff_client.post(f"/admin/petitions/{petition.petition_key}/invalidations/{done.pk}/undo/")
    assert response.status_code == 302
    assert not Signature.objects.filter(status=SignatureStatus.INVALIDATED).exists()
    assert ModelLogEntry.objects.get(action="petitions.undo_invalidation").data["restored"] == 7


def test_undo_is_post_only(staff_client, petition, bot_wave, staff):
    done = invalidation.invalidate(petition.petition_key, {"ip": "203.0.113.9"}, "bot wave", staff)
    assert (
        staff_client.get(f"/admin/petitions/{petition.petition_key}/invalidations/{done.pk}/undo/").status_code == 405
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reason": "nothing"}, "Give at least one criterion"),
        ({"ip": "not-an-ip", "reason": "x"}, "Enter a valid IPv4 or IPv6 address"),
        ({"email_domain": "no domain", "reason": "x"}, "Give a domain such as example.org"),
        ({"ip": "203.0.113.9"}, "This field is required"),
    ],
)
def test_invalidation_form_with_bad_input_answers_400(staff_client, petition, data, message):
    response = staff_client.post(invalidate_url(petition), data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_editors_may_not_invalidate(client, petition):
    editor = User.objects.create_user("editor", password="not-used")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.post(invalidate_url(petition), {"ip": "203.0.113.9", "reason": "x"}).status_code == 403
