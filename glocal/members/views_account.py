"""A person's own data: download everything, or close the account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .forms import CloseAccountForm
from .personal_data import data_zip


def zip_response(user) -> HttpResponse:
    response = HttpResponse(data_zip(user), content_type="application/zip")
    name = f"glocal-my-data-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    """The page says what the zip holds; its button (a POST) returns the zip."""
    if request.method == "POST":
        return zip_response(request.user)
    return render(request, "members/my_data.html")


@login_required
def close_account(request: HttpRequest) -> HttpResponse:
    form = CloseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.close_account(user=request.user, password=form.cleaned_data["password"])
        logout(request)
        messages.success(request, _("Your account is closed and your personal data erased."))
        return redirect("home")
    status = 400 if request.method == "POST" else 200
    return render(request, "members/close_account.html", {"form": form}, status=status)
