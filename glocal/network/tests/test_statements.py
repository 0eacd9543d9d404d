import pytest
from django.urls import reverse

from glocal.members.models import Membership, User
from glocal.network import services
from glocal.network.models import Signatory, Signature, Statement, StatementVersion

pytestmark = pytest.mark.django_db


def sign_url(statement) -> str:
    return reverse("network:statement_sign", args=[statement.slug])


def test_authorised_signatory_signs_the_current_version_for_their_town(
    member_client, statement, town, member, town_signatory
):
    response = member_client.post(sign_url(statement), {"town": town.slug, "confirmed": "yes"})

    assert response.status_code == 302
    signature = Signature.objects.get()
    assert (signature.municipality, signature.signed_by, signature.version.number) == (
        town, member, 1,
    )  # fmt: skip


def test_representative_who_is_not_an_authorised_signatory_cannot_sign(
    member_client, statement, town
):
    response = member_client.post(sign_url(statement), {"town": town.slug, "confirmed": "yes"})

    assert response.status_code == 403
    assert Signature.objects.count() == 0


def test_another_towns_signatory_cannot_sign_in_the_name_of_this_town(
    other_member_client, statement, town, other_signatory
):
    response = other_member_client.post(
        sign_url(statement), {"town": town.slug, "confirmed": "yes"}
    )

    assert response.status_code == 403
    assert Signature.objects.count() == 0


def test_a_colleague_of_the_same_town_without_authorisation_cannot_sign(
    client, statement, town, town_signatory
):
    colleague = User.objects.create_user("clerk@spilamberto.test", "pw-clerk-1")
    Membership.objects.create(user=colleague, municipality=town)
    client.force_login(colleague)

    response = client.post(sign_url(statement), {"town": town.slug, "confirmed": "yes"})

    assert response.status_code == 403
    assert Signature.objects.count() == 0


def test_secretariat_cannot_sign_for_a_town(secretariat_client, statement, town):
    response = secretariat_client.post(sign_url(statement), {"town": town.slug, "confirmed": "yes"})

    assert response.status_code == 403
    assert Signature.objects.count() == 0


def test_a_draft_cannot_be_signed(member_client, statement, town, town_signatory):
    Statement.objects.filter(pk=statement.pk).update(status="draft")

    member_client.post(sign_url(statement), {"town": town.slug, "confirmed": "yes"})

    assert Signature.objects.count() == 0


def test_signatory_withdraws_and_the_public_page_no_longer_lists_the_town(
    member_client, statement, town, member, town_signatory
):
    services.sign_statement(statement=statement, municipality=town, user=member)

    response = member_client.post(
        reverse("network:statement_withdraw", args=[statement.slug]),
        {"town": town.slug, "confirmed": "yes"},
    )

    assert response.status_code == 302
    assert Signature.objects.get().withdrawn_at is not None
    member_client.logout()
    page = member_client.get(statement.get_absolute_url())
    assert page.context["signatures"].count() == 0
    assert "No municipality has signed yet." in page.content.decode()


def test_only_the_towns_signatory_may_withdraw_its_signature(
    other_member_client, statement, town, member, town_signatory, other_signatory
):
    services.sign_statement(statement=statement, municipality=town, user=member)

    response = other_member_client.post(
        reverse("network:statement_withdraw", args=[statement.slug]),
        {"town": town.slug, "confirmed": "yes"},
    )

    assert response.status_code == 403
    assert Signature.objects.get().withdrawn_at is None


def test_a_new_version_asks_signatories_to_confirm_again_by_email(
    member_client, statement, town, member, town_signatory, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    services.sign_statement(statement=statement, municipality=town, user=member)
    data = {"title": statement.title, "addressees": statement.addressees,
            "text": "<p>Host towns need direct, multi-year funding.</p>",
            "note": "multi-year", "status": "open"}  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            reverse("network:statement_edit", args=[statement.slug]), data
        )

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.current_number == 2
    assert list(statement.versions.values_list("number", flat=True)) == [2, 1]
    assert StatementVersion.objects.get(number=1).text == "<p>Host towns need direct funding.</p>"
    signature = Signature.objects.get()
    assert signature.version.number == 1
    assert signature.needs_reconfirmation is True
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert "confirm" in mailoutbox[0].subject
    page = member_client.get(statement.get_absolute_url()).content.decode()
    assert "Confirm version 2" in page


def test_confirming_again_records_the_new_version(
    member_client, statement, town, member, town_signatory
):
    services.sign_statement(statement=statement, municipality=town, user=member)
    services.revise_statement(statement=statement, user=member, text="<p>New words.</p>")

    member_client.post(sign_url(statement), {"town": town.slug, "confirmed": "yes"})

    signature = Signature.objects.get()
    assert signature.version.number == 2
    assert signature.needs_reconfirmation is False


def test_saving_the_same_text_does_not_create_a_version(statement, member):
    version = services.revise_statement(
        statement=statement, user=member, text="<p>Host towns need direct funding.</p>",
        title="Fair funding for hosting towns",
    )  # fmt: skip

    statement.refresh_from_db()
    assert version is None
    assert (statement.current_number, statement.title) == (1, "Fair funding for hosting towns")


def test_another_town_cannot_edit_the_statement(other_member_client, statement):
    data = {"title": "Hijacked", "addressees": "Nobody", "text": "x", "status": "open"}

    response = other_member_client.post(
        reverse("network:statement_edit", args=[statement.slug]), data
    )

    assert response.status_code == 403
    statement.refresh_from_db()
    assert (statement.title, statement.current_number) == ("Fair funding for host towns", 1)


def test_the_signer_sees_exactly_the_version_they_signed(
    member_client, statement, town, member, town_signatory
):
    services.sign_statement(statement=statement, municipality=town, user=member)
    services.revise_statement(statement=statement, user=member, text="<p>New words.</p>")

    response = member_client.get(reverse("network:statement_version", args=[statement.slug, 1]))

    assert response.status_code == 200
    assert "Host towns need direct funding." in response.content.decode()
    assert "A newer version exists." in response.content.decode()


def test_drafts_are_hidden_from_other_towns_and_visitors(other_member_client, town, member):
    draft = services.create_statement(
        title="Early idea", addressees="Council of Europe", text="Text", towns=[town], user=member
    )
    url = draft.get_absolute_url()

    assert other_member_client.get(url).status_code == 404
    other_member_client.logout()
    assert other_member_client.get(url).status_code == 404


def test_representative_drafts_a_statement_for_their_town(member_client, town, member):
    data = {"title": "Safe routes to school", "addressees": "Ministry of Transport\n\n",
            "text": "<p>We ask for <script>alert(1)</script>safe crossings.</p>",
            "status": "draft", "towns": [town.slug]}  # fmt: skip

    response = member_client.post(reverse("network:statement_create"), data)

    statement = Statement.objects.get()
    assert response.status_code == 302
    assert statement.addressee_list == ["Ministry of Transport"]
    assert statement.current_version.text == "<p>We ask for safe crossings.</p>"
    assert list(statement.drafted_by.all()) == [town]


def test_representative_cannot_draft_in_the_name_of_another_town(member_client, town, other_town):
    data = {"title": "Not ours", "addressees": "EU", "text": "Text", "status": "draft",
            "towns": [other_town.slug]}  # fmt: skip

    response = member_client.post(reverse("network:statement_create"), data)

    assert response.status_code == 200
    assert "towns" in response.context["form"].errors
    assert Statement.objects.count() == 0


def test_missing_addressees_are_reported_next_to_the_field(member_client, town):
    data = {"title": "T", "addressees": "  \n ", "text": "Text", "status": "draft",
            "towns": [town.slug]}  # fmt: skip

    response = member_client.post(reverse("network:statement_create"), data)

    assert "addressees" in response.context["form"].errors
    assert Statement.objects.count() == 0


def test_secretariat_authorises_a_towns_first_signatory(secretariat_client, town, member):
    response = secretariat_client.post(
        reverse("network:signatory_grant", args=[town.slug]),
        {"person": member.pk, "title": "Mayor"},
    )

    assert response.status_code == 302
    assert list(Signatory.objects.values_list("municipality", "user", "title")) == [
        (town.pk, member.pk, "Mayor")
    ]


def test_a_representative_who_is_not_a_signatory_cannot_authorise_themselves(
    member_client, town, member, statement
):
    grant = member_client.post(
        reverse("network:signatory_grant", args=[town.slug]),
        {"person": member.pk, "title": "Mayor"},
    )
    sign = member_client.post(sign_url(statement), {"town": town.slug, "confirmed": "yes"})

    assert (grant.status_code, sign.status_code) == (403, 403)
    assert Signatory.objects.count() == 0
    assert Signature.objects.count() == 0


def test_an_authorised_signatory_authorises_a_colleague_of_the_same_town(
    member_client, town, town_signatory
):
    colleague = User.objects.create_user("deputy@spilamberto.test", "pw-deputy-1")
    Membership.objects.create(user=colleague, municipality=town)

    response = member_client.post(
        reverse("network:signatory_grant", args=[town.slug]),
        {"person": colleague.pk, "title": "Deputy mayor"},
    )

    assert response.status_code == 302
    assert Signatory.objects.get(user=colleague).granted_by == town_signatory.user


def test_a_representative_who_is_not_a_signatory_cannot_revoke_one(client, town, town_signatory):
    colleague = User.objects.create_user("clerk@spilamberto.test", "pw-clerk-1")
    Membership.objects.create(user=colleague, municipality=town)
    client.force_login(colleague)

    response = client.post(reverse("network:signatory_revoke", args=[town_signatory.pk]))

    assert response.status_code == 403
    assert Signatory.objects.filter(pk=town_signatory.pk).exists()


def test_the_signatories_page_offers_authorising_only_to_those_who_may(
    client, town, member, town_signatory
):
    colleague = User.objects.create_user("clerk@spilamberto.test", "pw-clerk-1")
    Membership.objects.create(user=colleague, municipality=town)
    grant_url = reverse("network:signatory_grant", args=[town.slug])

    client.force_login(member)
    signatory_page = client.get(reverse("network:signatories"))
    client.force_login(colleague)
    colleague_page = client.get(reverse("network:signatories"))

    assert list(signatory_page.context["granting"]) == [town]
    assert grant_url in signatory_page.content.decode()
    assert list(colleague_page.context["granting"]) == []
    assert grant_url not in colleague_page.content.decode()
    assert "Revoke" not in colleague_page.content.decode()


def test_a_signatory_who_left_the_towns_team_can_no_longer_sign(
    member_client, statement, town, member, town_signatory
):
    Membership.objects.filter(user=member, municipality=town).delete()

    response = member_client.post(sign_url(statement), {"town": town.slug, "confirmed": "yes"})

    assert response.status_code == 403
    assert Signature.objects.count() == 0


def test_representative_cannot_authorise_signatories_for_another_town(
    member_client, other_town, other_member
):
    response = member_client.post(
        reverse("network:signatory_grant", args=[other_town.slug]), {"person": other_member.pk}
    )

    assert response.status_code == 403
    assert Signatory.objects.count() == 0


def test_secretariat_can_authorise_only_a_representative_of_that_town(
    secretariat_client, town, other_member
):
    response = secretariat_client.post(
        reverse("network:signatory_grant", args=[town.slug]), {"person": other_member.pk}
    )

    assert response.status_code == 400
    assert "person" in response.context["form"].errors
    assert Signatory.objects.count() == 0


def test_revoked_signatory_can_no_longer_sign(
    client, secretariat, member, statement, town, town_signatory
):
    client.force_login(secretariat)
    client.post(reverse("network:signatory_revoke", args=[town_signatory.pk]))

    client.force_login(member)
    response = client.post(sign_url(statement), {"town": town.slug, "confirmed": "yes"})

    assert response.status_code == 403
    assert Signature.objects.count() == 0


def test_pdf_lists_signatories_even_with_non_latin_names(
    client, statement, town, member, town_signatory
):
    town.name = "Zahlé زحلة"
    town.save(update_fields=["name"])
    member.full_name = "Élodie Ковальчук"
    member.save(update_fields=["full_name"])
    services.sign_statement(statement=statement, municipality=town, user=member)

    response = client.get(reverse("network:statement_pdf", args=[statement.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_statement_list_uses_a_constant_number_of_queries(
    client, town, member, django_assert_num_queries
):
    for n in range(3):
        services.create_statement(title=f"Statement {n}", addressees="EU", text="x",
                                  towns=[town], user=member, status="open")  # fmt: skip
    client.logout()

    with django_assert_num_queries(3):  # one for translations
        response = client.get(reverse("network:statement_list"))

    assert len(response.context["statements"]) == 3


@pytest.fixture
def draft(town, member):
    return services.create_statement(
        title="Safe corridors", addressees="Council of Europe", text="<p>Text</p>",
        towns=[town], user=member,
    )  # fmt: skip


def drafters_url(statement) -> str:
    return reverse("network:statement_drafters", args=[statement.slug])


def test_a_drafting_town_invites_another_town_which_may_then_edit_the_draft(
    client, draft, member, other_town, other_member, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(drafters_url(draft), {"town": other_town.slug})

    assert response.status_code == 302
    assert sorted(t.slug for t in draft.drafted_by.all()) == ["spilamberto", "zahle"]
    assert [m.to for m in mailoutbox] == [[other_member.email]]
    client.force_login(other_member)
    assert client.get(reverse("network:statement_edit", args=[draft.slug])).status_code == 200


def test_another_town_cannot_add_itself_to_the_drafters(other_member_client, statement, other_town):
    Statement.objects.filter(pk=statement.pk).update(status="draft")

    response = other_member_client.post(drafters_url(statement), {"town": other_town.slug})

    assert response.status_code == 404
    assert [t.slug for t in statement.drafted_by.all()] == ["spilamberto"]


def test_no_town_joins_the_drafting_once_the_statement_is_open(
    member_client, statement, other_town
):
    response = member_client.post(drafters_url(statement), {"town": other_town.slug}, follow=True)

    assert "while the statement is a draft" in response.content.decode()
    assert [t.slug for t in statement.drafted_by.all()] == ["spilamberto"]


def test_an_invited_town_takes_its_name_off_but_the_last_town_stays(
    client, draft, member, other_member, town, other_town
):
    draft.drafted_by.add(other_town)
    client.force_login(other_member)

    response = client.post(drafters_url(draft), {"town": other_town.slug, "action": "leave"})

    assert response.status_code == 302
    assert [t.slug for t in draft.drafted_by.all()] == ["spilamberto"]
    client.force_login(member)
    client.post(drafters_url(draft), {"town": town.slug, "action": "leave"})
    assert [t.slug for t in draft.drafted_by.all()] == ["spilamberto"]


def test_a_drafting_town_cannot_take_another_town_off(member_client, draft, other_town):
    draft.drafted_by.add(other_town)

    response = member_client.post(drafters_url(draft), {"town": other_town.slug, "action": "leave"})

    assert response.status_code == 403
    assert sorted(t.slug for t in draft.drafted_by.all()) == ["spilamberto", "zahle"]


def test_the_draft_page_offers_to_invite_member_towns_not_yet_drafting(
    member_client, draft, other_town
):
    response = member_client.get(draft.get_absolute_url())

    assert list(response.context["drafting_form"].fields["town"].queryset) == [other_town]
    assert response.context["leaving"] == []


def test_the_text_of_a_closed_statement_does_not_change_and_nobody_is_asked_again(
    member_client, statement, town, member, town_signatory, mailoutbox
):
    services.sign_statement(statement=statement, municipality=town, user=member)
    Statement.objects.filter(pk=statement.pk).update(status="closed")
    data = {"title": statement.title, "addressees": statement.addressees,
            "text": "<p>Other words.</p>", "status": "closed"}  # fmt: skip

    response = member_client.post(reverse("network:statement_edit", args=[statement.slug]), data)

    assert response.status_code == 400
    assert "reopen it" in response.context["form"].errors["text"][0]
    statement.refresh_from_db()
    assert (statement.current_number, statement.versions.count()) == (1, 1)
    assert Signature.objects.get().needs_reconfirmation is False
    assert mailoutbox == []


def test_pdf_text_shows_signs_and_spaces_as_written():
    from glocal.network.pdf import plain

    assert plain("<p>Budget &lt; 5% &amp; rising&nbsp;fast</p><ul><li>One</li></ul>") == (
        "Budget < 5% & rising fast\n• One"
    )


def test_no_town_leaves_the_drafters_once_the_statement_is_open(
    client, statement, other_member, other_town
):
    statement.drafted_by.add(other_town)
    client.force_login(other_member)

    response = client.post(drafters_url(statement), {"town": other_town.slug, "action": "leave"},
                           follow=True)  # fmt: skip

    assert "fixed once the statement is open" in response.content.decode()
    assert sorted(t.slug for t in statement.drafted_by.all()) == ["spilamberto", "zahle"]


def test_signing_for_a_town_asks_for_confirmation_first_and_signs_nothing_until_then(
    member_client, statement, town, town_signatory
):
    response = member_client.post(sign_url(statement), {"town": town.slug})
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Yes, sign for {town.name}" in page
    assert 'name="confirmed" value="yes"' in page
    assert f'name="town" value="{town.slug}"' in page
    assert not Signature.objects.exists()
