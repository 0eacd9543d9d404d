from django.urls import path

from glocal.translations.views import edit_translations

from . import views, views_exchange, views_statements, views_updates
from .access import (
    get_statement_for_editor,
    get_update_for_translator,
    get_version_for_translator,
)

app_name = "network"
urlpatterns = [
    path("community/", views.community, name="index"),
    path("groups/", views.group_list, name="group_list"),
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/<slug:slug>/", views.group_detail, name="group_detail"),
    path("groups/<slug:slug>/membership/", views.group_membership, name="group_membership"),
    path(
        "groups/<slug:slug>/coordinators/<int:user_id>/",
        views.group_coordinator,
        name="group_coordinator",
    ),  # fmt: skip
    path("exchange/", views_exchange.exchange, name="exchange"),
    path("exchange/new/", views_exchange.thread_new, name="thread_new"),
    path("exchange/digest/", views_exchange.digest_settings, name="digest"),
    path("exchange/reports/", views_exchange.report_queue, name="report_queue"),
    path("exchange/<int:pk>/", views_exchange.thread_detail, name="thread_detail"),
    path("exchange/<int:pk>/reply/", views_exchange.thread_reply, name="thread_reply"),
    path("exchange/<int:pk>/follow/", views_exchange.thread_follow, name="thread_follow"),
    path("exchange/posts/<int:pk>/report/", views_exchange.post_report, name="post_report"),
    path("exchange/posts/<int:pk>/moderate/", views_exchange.post_moderate, name="post_moderate"),
    path("statements/", views_statements.statement_list, name="statement_list"),
    path("statements/new/", views_statements.statement_create, name="statement_create"),
    path("statements/signatories/", views_statements.signatories, name="signatories"),
    path(
        "statements/signatories/<slug:town>/",
        views_statements.signatory_grant,
        name="signatory_grant",
    ),  # fmt: skip
    path(
        "statements/signatories/revoke/<int:pk>/",
        views_statements.signatory_revoke,
        name="signatory_revoke",
    ),  # fmt: skip
    path("statements/<slug:slug>/", views_statements.statement_detail, name="statement_detail"),
    path("statements/<slug:slug>/edit/", views_statements.statement_edit, name="statement_edit"),
    path(
        "statements/<slug:slug>/drafters/",
        views_statements.statement_drafters,
        name="statement_drafters",
    ),  # fmt: skip
    path("statements/<slug:slug>/sign/", views_statements.statement_sign, name="statement_sign"),
    path(
        "statements/<slug:slug>/withdraw/",
        views_statements.statement_withdraw,
        name="statement_withdraw",
    ),  # fmt: skip
    path("statements/<slug:slug>/pdf/", views_statements.statement_pdf_view, name="statement_pdf"),
    path(
        "statements/<slug:slug>/v/<int:number>/",
        views_statements.statement_version,
        name="statement_version",
    ),  # fmt: skip
    path("updates/", views_updates.update_list, name="update_list"),
    path("updates/new/", views_updates.update_new, name="update_new"),
    path("updates/feed.atom", views_updates.update_feed, name="update_feed"),
    path("updates/<int:pk>/", views_updates.update_detail, name="update_detail"),
    path("updates/<int:pk>/feature/", views_updates.update_feature, name="update_feature"),
    path(
        "statements/<slug:slug>/translations/",
        edit_translations,
        {"fetch": get_statement_for_editor},
        name="statement_translations",
    ),
    path(
        "statements/<slug:slug>/v/<int:number>/translations/",
        edit_translations,
        {"fetch": get_version_for_translator},
        name="version_translations",
    ),
    path(
        "updates/<int:pk>/translations/",
        edit_translations,
        {"fetch": get_update_for_translator},
        name="update_translations",
    ),
]
