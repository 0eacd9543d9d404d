from django.urls import path

from . import views, views_consultations, views_solidarity

app_name = "cooperation"
urlpatterns = [
    path("collaborations/", views.collaboration_list, name="collaboration_list"),
    path("collaborations/new/", views.collaboration_new, name="collaboration_new"),
    path("collaborations/<slug:slug>/", views.collaboration_detail, name="collaboration_detail"),
    path("collaborations/<slug:slug>/edit/", views.collaboration_edit, name="collaboration_edit"),
    path("collaborations/<slug:slug>/invite/", views.partner_invite, name="partner_invite"),
    path(
        "collaborations/<slug:slug>/invitations/<int:pk>/",
        views.invitation_answer,
        name="invitation_answer",
    ),
    path("collaborations/<slug:slug>/steps/", views.step_add, name="step_add"),
    path("collaborations/<slug:slug>/steps/<int:pk>/", views.step_done, name="step_done"),
    path("collaborations/<slug:slug>/funding/", views.funding_add, name="funding_add"),
    path(
        "collaborations/<slug:slug>/funding/<int:pk>/",
        views.funding_status,
        name="funding_status",
    ),
    path("solidarity/", views_solidarity.solidarity, name="solidarity"),
    path("solidarity/unmet/", views_solidarity.solidarity_unmet, name="solidarity_unmet"),
    path("solidarity/new/", views_solidarity.post_new, name="post_new"),
    path("solidarity/<int:pk>/", views_solidarity.post_detail, name="post_detail"),
    path("solidarity/<int:pk>/propose/", views_solidarity.post_propose, name="post_propose"),
    path("solidarity/<int:pk>/close/", views_solidarity.post_close, name="post_close"),
    path("solidarity/matches/<int:pk>/", views_solidarity.match_move, name="match_move"),
    path("experts/", views.expert_list, name="expert_list"),
    path("experts/<slug:slug>/", views.expert_detail, name="expert_detail"),
    path("networks/", views.network_list, name="network_list"),
    path("consultations/", views_consultations.consultation_agenda, name="consultation_agenda"),
    path("consultations/new/", views_consultations.consultation_new, name="consultation_new"),
    path(
        "consultations/<int:pk>/",
        views_consultations.consultation_detail,
        name="consultation_detail",
    ),
    path(
        "consultations/<int:pk>/schedule/",
        views_consultations.consultation_schedule,
        name="consultation_schedule",
    ),
    path(
        "consultations/<int:pk>/notes/",
        views_consultations.consultation_notes,
        name="consultation_notes",
    ),
    path(
        "consultations/<int:pk>/consultation.ics",
        views_consultations.consultation_ics,
        name="consultation_ics",
    ),
    path(
        "projects/<int:pk>/consultations/",
        views_consultations.project_consultations,
        name="project_consultations",
    ),
]
