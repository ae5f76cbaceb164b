import pytest
from django.core import signing

from petitions.models import Signature, SignatureStatus
from petitions.tokens import CONFIRM_SALT, confirmation_token


@pytest.fixture
def pending(petition, amsterdam):
    from petitions.consent import current_consent

    return Signature.objects.create(
        petition_key=petition.petition_key,
        name="Sam",
        email="sam@example.org",
        email_normalised="sam@example.org",
        language="nl",
        consent=current_consent(petition),
        municipality=amsterdam,
    )


def url(signature, language="nl"):
    return f"/{language}/petitions/confirm/{confirmation_token(signature)}/"


def test_opening_the_link_confirms_nothing(client, pending):
    response = client.get(url(pending))
    assert response.status_code == 200
    assert '<form method="post">' in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == SignatureStatus.PENDING


def test_pressing_the_button_confirms(client, pending):
    response = client.post(url(pending))
    assert response.status_code == 200
    pending.refresh_from_db()
    assert pending.status == SignatureStatus.CONFIRMED and pending.confirmed_at


def test_confirming_twice_is_harmless(client, pending):
    client.post(url(pending))
    first = Signature.objects.get().confirmed_at
    assert client.post(url(pending)).status_code == 200
    assert Signature.objects.get().confirmed_at == first


@pytest.mark.parametrize("token", ["garbage", "a" * 300, "eyJzIjoxfQ:1abc:deadbeef"])
def test_forged_tokens_are_refused(client, pending, token):
    response = client.post(f"/nl/petitions/confirm/{token}/")
    assert response.status_code == 400
    assert Signature.objects.get().status == SignatureStatus.PENDING


def test_token_for_another_purpose_is_refused(client, pending):
    token = signing.dumps({"s": pending.pk, "p": str(pending.petition_key)}, salt="something-else")
    assert client.post(f"/nl/petitions/confirm/{token}/").status_code == 400


def test_expired_token_is_refused(client, pending, monkeypatch):
    token = confirmation_token(pending)
    monkeypatch.setattr("petitions.tokens.CONFIRM_MAX_AGE", -1)
    assert client.post(f"/nl/petitions/confirm/{token}/").status_code == 400
    assert Signature.objects.get().status == SignatureStatus.PENDING


def test_token_with_a_changed_petition_is_refused(client, pending):
    token = signing.dumps({"s": pending.pk, "p": "00000000-0000-0000-0000-000000000009"}, salt=CONFIRM_SALT)
    assert client.post(f"/nl/petitions/confirm/{token}/").status_code in (404, 410)
    assert Signature.objects.get().status == SignatureStatus.PENDING


def test_link_for_a_deleted_signature_says_so(client, pending):
    link = url(pending)
    pending.delete()
    assert client.get(link).status_code == 410
    assert client.post(link).status_code == 410
