from django.urls import path

from . import views, views_account

app_name = "members"
urlpatterns = [
    path("municipalities/", views.municipality_list, name="municipality_list"),
    path("municipalities/<slug:slug>/", views.municipality_detail, name="municipality"),
    path("municipalities/<slug:slug>/edit/", views.municipality_edit, name="municipality_edit"),
    path("places/suggestions/", views.place_suggestions, name="place_suggestions"),
    path("invitations/new/", views.invite, name="invite"),
    path("invitations/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("profile/", views.profile, name="profile"),
    path("profile/data/", views_account.my_data, name="my_data"),
    path("profile/close/", views_account.close_account, name="close_account"),
    path("language/", views.choose_language, name="choose_language"),
]
