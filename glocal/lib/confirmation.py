"""A second step before an act that speaks for a town or gives up a place.

The first POST (the button on the page) answers a page that says what will happen; only the
POST from that page, carrying ``confirmed=yes`` and the same fields, does it.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def confirmed(request: HttpRequest) -> bool:
    return request.POST.get("confirmed") == "yes"


def ask_to_confirm(
    request: HttpRequest, *, question: str, consequence: str, button: str, back: str
) -> HttpResponse:
    fields = [(k, v) for k, values in request.POST.lists() for v in values
              if k not in {"csrfmiddlewaretoken", "confirmed"}]  # fmt: skip
    context = {"question": question, "consequence": consequence, "button": button,
               "back": back, "fields": fields}  # fmt: skip
    return render(request, "confirm.html", context)
