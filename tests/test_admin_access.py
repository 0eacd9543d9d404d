"""The secretariat is staff without per-model grants: every admin page and inline is theirs."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

# Accounts, groups and the task queue stay with superusers: they grant or run anything.
REGISTRY = sorted(
    ((model, model_admin) for model, model_admin in admin.site._registry.items()
     if model.__module__.startswith("glocal.")),
    key=lambda item: item[0]._meta.label,
)  # fmt: skip


@pytest.mark.parametrize(
    ("model", "model_admin"), REGISTRY, ids=[m._meta.label for m, _ in REGISTRY]
)
def test_secretariat_can_open_every_admin_list_and_all_its_inlines(
    secretariat_client, secretariat, model, model_admin
):
    assert not secretariat.is_superuser
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert secretariat_client.get(url).status_code == 200
    request = RequestFactory().get(url)
    request.user = secretariat
    inlines = model_admin.get_inline_instances(request)
    assert [type(i) for i in inlines] == list(model_admin.inlines)
    if model_admin.has_add_permission(request):
        add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        assert secretariat_client.get(add).status_code == 200


def test_a_representative_cannot_open_the_admin(member_client):
    assert member_client.get("/admin/").status_code == 302


def test_accounts_and_groups_stay_with_superusers(secretariat_client):
    assert secretariat_client.get("/admin/auth/group/").status_code == 403
