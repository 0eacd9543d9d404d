"""The permission matrix: what every persona is answered on every URL and API operation.

``tests/test_permission_matrix.py`` walks the project's URL patterns (django-ninja's API
operations with their own methods, every other view with GET and POST) and fails on any
without a row here; then it asks each row of the demo network as each persona.

One row, one line::

    R("practices:edit", "slug=zahle-neighbourhood-volunteers", get="200 200 403 403 403 403 login", post="…")

- the URL name, as ``reverse`` takes it (``namespace:name``);
- its kwargs, space-separated ``key=value``; ``@name`` is an object named in
  ``tests/permission_matrix_objects.py`` (ids differ between databases), anything else is
  literal (slugs are stable);
- one keyword per method the URL answers (``get``, ``post``; an API operation: its own, e.g.
  ``patch``), each the answers of the seven personas, in this order:

      sec   the secretariat (staff, not superuser)
      rep   a representative of the object's town (``town=``, Zahlé unless said)
      oth   a representative of another town (``other=``, Batroun unless said)
      rev   the demo reviewer, assigned without conflict to three HUB applications
      con   a reviewer assigned to the same three who declared a conflict on each
      exp   the demo expert (Nour Khalil), asked for the Zahlé consultation
      anon  nobody signed in

  An answer is an HTTP status (``200``, ``302``, ``403``, ``404``, ``405``…) or ``login``
  for a redirect to a sign-in page, followed by ``+`` when the request changed something
  (a row, or mail or a task scheduled); one answer alone stands for all seven personas.
  Browser personas use their session; API personas send their own token (``anon`` none).
- optionally ``data={...}`` sent with the write (form fields, or JSON for the API) and
  ``query="?x=1"``.

A refusal (``login`` or 4xx) never carries a ``+``: a refused request changes nothing.
Answers are written here by hand from what each persona should get: never paste what the
code answers without reading why.

Adding a URL is one line in its section, e.g. a page only the secretariat opens, and a
person's own page with a write that changes something::

    R("audit:log", get="200 403 403 403 403 403 login", post="405"),
    R("members:close_account", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),

A row that fails prints what the personas got, spelt as a row (``observed: R(...)``).
"""

import json
from dataclasses import dataclass

PERSONAS = ("sec", "rep", "oth", "rev", "con", "exp", "anon")

# The walk skips these namespaces and patterns (name or route) entirely.
SKIPPED_NAMESPACES = {
    "admin": "Django's admin: its own staff check, tested in tests/test_admin_access.py",
}
SKIPPED_PATTERNS = {
    "^media/(?P<path>.*)$": "uploaded files, served by the web server (only DEBUG adds it)",
}


def refused(code: str) -> bool:
    return code == "login" or code.startswith("4")


@dataclass(frozen=True)
class Row:
    name: str
    kwargs: str
    answers: dict[str, str]
    town: str = "zahle"
    other: str = "batroun"
    data: dict | None = None
    query: str = ""

    @property
    def id(self) -> str:
        said = " ".join(filter(None, [self.kwargs, self.query, "data" * bool(self.data)]))
        return f"{self.name}[{said}]" if said else self.name

    @property
    def is_api(self) -> bool:
        return self.name.startswith("api:")

    def resolved_kwargs(self, objects: dict) -> dict:
        pairs = (item.split("=", 1) for item in self.kwargs.split())
        return {k: objects[v[1:]] if v.startswith("@") else v for k, v in pairs}

    def resolved_data(self, objects: dict) -> dict | None:
        if self.data is None:
            return None
        return {k: objects[v[1:]] if isinstance(v, str) and v.startswith("@") else v
                for k, v in self.data.items()}  # fmt: skip

    def expanded_answers(self) -> dict[str, str]:
        return {
            method: " ".join([codes] * len(PERSONAS)) if " " not in codes else codes
            for method, codes in self.answers.items()
        }

    def spell(self, observed: dict[str, str]) -> str:
        """The row as it would read with ``observed`` answers (for a failure message)."""
        parts = [json.dumps(self.name)] + [json.dumps(self.kwargs)] * bool(self.kwargs)
        parts += [f"town={json.dumps(self.town)}"] * (self.town != "zahle")
        parts += [f"other={json.dumps(self.other)}"] * (self.other != "batroun")
        parts += [f"data={json.dumps(self.data, ensure_ascii=False)}"] * bool(self.data)
        parts += [f"query={json.dumps(self.query)}"] * bool(self.query)
        for method, codes in observed.items():
            short = codes.split()[0] if len(set(codes.split())) == 1 else codes
            parts.append(f'{method.lower()}="{short}"')
        return "R(" + ", ".join(parts) + "),"


def R(name: str, kwargs: str = "", *, town: str = "zahle", other: str = "batroun",
      data: dict | None = None, query: str = "", **answers: str) -> Row:  # fmt: skip
    methods = {method.upper(): codes for method, codes in answers.items()}
    return Row(name, kwargs, methods, town=town, other=other, data=data, query=query)


# fmt: off
ROWS = [
    # -- the site, sign-in and language --
    R("home", get="200", post="405"),
    R("healthz", get="200", post="405"),
    R("privacy", get="200", post="405"),
    R("audit:log", get="200 403 403 403 403 403 login", post="405"),
    R("audit:history", "type_key=projects.project object_id=@project_zahle", get="200 200 403 403 403 403 login", post="405"),
    R("audit:history", "type_key=members.municipality object_id=@town_zahle", get="200 200 403 403 403 403 login", post="405"),
    R("audit:history", "type_key=calls.application object_id=@application_zahle", get="200 403 403 403 403 403 login", post="405"),
    R("audit:open", "content_type_id=@ct_project object_id=@project_zahle", get="302 403 403 403 403 403 403", post="405"),
    R("account_login", get="302 302 302 302 302 302 200", post="302 302 302 302 302 302 200"),
    R("account_logout", get="200 200 200 200 200 200 302", post="302"),
    R("account_inactive", get="200", post="405"),
    R("account_signup", get="302 302 302 302 302 302 200", post="302 302 302 302 302 302 200"),
    R("account_reauthenticate", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),
    R("account_request_reauthentication_code", get="302 302 302 302 302 302 login", post="302 302 302 302 302 302 login"),
    R("account_confirm_reauthentication_code", get="302 302 302 302 302 302 login", post="302 302 302 302 302 302 login"),
    R("account_email", get="200+ 200+ 200+ 200+ 200+ 200+ login", post="302+ 302+ 302+ 302+ 302+ 302+ login"),
    R("account_email_verification_sent", get="200", post="405"),
    R("account_change_password", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),
    R("account_set_password", get="302 302 302 302 302 302 login", post="302 302 302 302 302 302 login"),
    R("account_reset_password", get="200", post="200"),
    R("account_confirm_login_code", get="302 302 302 302 302 302 login", post="302 302 302 302 302 302 login"),
    R("account_confirm_email", "key=not-a-key", get="200", post="404"),
    R("account_reset_password_from_key_done", get="200", post="405"),
    R("account_reset_password_from_key", "uidb36=1 key=not-a-key", get="200", post="200"),
    R("account_reset_password_done", get="200", post="405"),
    R("set_language", get="302", post="302"),
    R("translations:review_queue", get="200 403 403 403 403 403 login", post="405 405 405 405 405 405 login"),
    # -- members --
    R("members:municipality_list", get="200", post="405"),
    R("members:municipality", "slug=zahle", get="200", post="405"),
    R("members:municipality_edit", "slug=zahle", get="200 200 403 403 403 403 403", post="200 200 403 403 403 403 403"),
    R("members:place_suggestions", get="200", post="405"),
    R("members:invite", get="200 login login login login login login", post="200 login login login login login login"),
    R("members:accept_invitation", "token=@invitation", get="200", post="200"),
    R("members:profile", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),
    R("members:choose_language", get="405", post="400"),
    R("members:my_data", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),
    R("members:close_account", get="200 200 200 200 200 200 login", post="400 400 400 400 400 400 login"),
    # -- practices --
    R("practices:list", get="200", post="405"),
    R("practices:submit", get="200 200 200 403 403 403 login", post="200 200 200 403 403 403 login"),
    R("practices:submit", town="baalbek", query="?draft=youth-volunteers-for-baalbeks-public-spaces", get="200 200 404 403 403 403 login", post="200 200 404 403 403 403 login"),
    R("practices:autosave", get="405 405 405 405 405 405 login", post="200 200+ 200+ 403 403 403 login"),
    R("practices:autosave", town="baalbek", data={"draft": "youth-volunteers-for-baalbeks-public-spaces", "title": "Young volunteers"}, get="405 405 405 405 405 405 login", post="200 200+ 404 403 403 403 login"),
    R("practices:review_queue", get="200 403 403 403 403 403 login", post="200 403 403 403 403 403 login"),
    R("practices:revision_queue", get="200 403 403 403 403 403 login", post="405"),
    R("practices:revision", "pk=@revision_spilamberto", town="spilamberto", get="200 200 403 403 403 403 login", post="405"),
    R("practices:revision_decide", "pk=@revision_spilamberto", town="spilamberto", get="405", post="400 403 403 403 403 403 login"),
    R("practices:detail", "slug=zahle-neighbourhood-volunteers", get="200 200 404 404 404 404 404", post="405"),
    R("practices:detail", "slug=youth-volunteers-for-baalbeks-public-spaces", town="baalbek", get="200 200 404 404 404 404 404", post="405"),
    R("practices:detail", "slug=spilamberto-and-us-active-citizens-for-the-common-good", town="spilamberto", get="200", post="405"),
    R("practices:propose", "slug=spilamberto-and-us-active-citizens-for-the-common-good", town="spilamberto", get="403 200 403 403 403 403 login", post="403 200 403 403 403 403 login"),
    R("practices:edit", "slug=zahle-neighbourhood-volunteers", get="200 200 404 404 404 404 login", post="200 200 404 404 404 404 login"),
    R("practices:edit", "slug=youth-volunteers-for-baalbeks-public-spaces", town="baalbek", get="200 200 404 404 404 404 login", post="200 200 404 404 404 404 login"),
    R("practices:edit", "slug=spilamberto-and-us-active-citizens-for-the-common-good", town="spilamberto", get="200 403 403 403 403 403 login", post="200 403 403 403 403 403 login"),
    R("practices:edit", "slug=homework-club-in-the-town-library", town="batroun", other="zahle", get="200 200 404 404 404 404 login", post="200 200 404 404 404 404 login"),
    R("practices:revision_decide", "pk=@revision_spilamberto", town="spilamberto", data={"decision": "accept"}, get="405", post="302+ 403 403 403 403 403 login"),
    R("practices:attachment_add", "slug=zahle-neighbourhood-volunteers", get="405 405 405 405 405 405 login", post="400 400 404 404 404 404 login"),
    R("practices:review", "slug=zahle-neighbourhood-volunteers", get="405", post="302 403 403 403 403 403 403"),
    R("practices:history", "slug=zahle-neighbourhood-volunteers", get="200 200 404 404 404 404 login", post="200 200 404 404 404 404 login"),
    R("practices:translations", "slug=spilamberto-and-us-active-citizens-for-the-common-good", town="spilamberto", get="200 200 403 403 403 403 login", post="200 200 403 403 403 403 login"),
    # -- matching --
    R("matching:recommendations", "slug=zahle", get="200 200 403 403 403 403 login", post="405 405 405 405 405 405 login"),
    R("matching:feedback", "slug=zahle practice_slug=spilamberto-and-us-active-citizens-for-the-common-good", get="405 405 405 405 405 405 login", post="400 400 403 403 403 403 login"),
    R("matching:peers", "slug=zahle", get="200", post="405"),
    R("matching:adopters", "slug=spilamberto-and-us-active-citizens-for-the-common-good", town="spilamberto", get="200", post="405"),
    # -- projects --
    R("projects:prototype_list", get="200", post="405"),
    R("projects:prototype_new", get="200 403 403 403 403 403 login", post="200 403 403 403 403 403 login"),
    R("projects:prototype_detail", "slug=activating-local-engagement", get="200", post="405"),
    R("projects:prototype_edit", "slug=activating-local-engagement", get="200 403 403 403 403 403 login", post="400 403 403 403 403 403 login"),
    R("projects:prototype_translations", "slug=activating-local-engagement", get="200 403 403 403 403 403 login", post="200 403 403 403 403 403 login"),
    R("projects:project_list", get="200", post="405"),
    R("projects:adopt", query="?practice=spilamberto-and-us-active-citizens-for-the-common-good", get="200 200 200 403 403 403 login", post="200 200 200 403 403 403 login"),
    R("projects:project_detail", "pk=@project_zahle", get="200", post="405"),
    R("projects:project_detail", "pk=@project_jbeil", town="jbeil", get="200 200 200 200 200 200 404", post="405"),
    R("projects:project_edit", "pk=@project_zahle", get="200 200 403 403 403 403 login", post="400 400 403 403 403 403 login"),
    R("projects:plan_add", "pk=@project_zahle kind=goal", get="200 200 403 403 403 403 login", post="200 200 403 403 403 403 login"),
    R("projects:plan_delete", "pk=@project_zahle kind=goal item_pk=@goal_zahle", get="405 405 405 405 405 405 login", post="302+ 302+ 403 403 403 403 login"),
    R("projects:milestone_status", "pk=@project_zahle milestone_pk=@milestone_zahle", get="405 405 405 405 405 405 login", post="302 302 403 403 403 403 login"),
    R("projects:measurement_add", "pk=@project_zahle indicator_pk=@indicator_zahle", get="200 200 403 403 403 403 login", post="200 200 403 403 403 403 login"),
    R("projects:update_add", "pk=@project_zahle", get="200 200 403 403 403 403 login", post="200 200 403 403 403 403 login"),
    R("projects:plan_delete", "pk=@project_jbeil kind=goal item_pk=@goal_zahle", town="jbeil", get="405 405 405 405 405 405 login", post="302 302 403 403 403 403 login"),
    R("projects:milestone_status", "pk=@project_jbeil milestone_pk=@milestone_zahle", town="jbeil", data={"status": "done"}, get="405 405 405 405 405 405 login", post="404 404 403 403 403 403 login"),
    R("projects:measurement_add", "pk=@project_jbeil indicator_pk=@indicator_zahle", town="jbeil", data={"value": "40", "measured_on": "2026-11-20"}, get="404 404 403 403 403 403 login", post="404 404 403 403 403 403 login"),
    R("projects:evidence", "pk=@project_zahle evidence_pk=@evidence_zahle", get="200", post="405"),
    R("projects:outcome", "pk=@project_spilamberto", town="spilamberto", get="200 200 403 403 403 403 login", post="400 400 403 403 403 403 login"),
    R("projects:monitoring", "pk=@project_zahle", get="200", post="405"),
    R("projects:monitoring_csv", "pk=@project_zahle", get="200", post="405"),
    R("projects:monitoring", "pk=@project_jbeil", town="jbeil", get="200 200 200 200 200 200 404", post="405"),
    R("projects:report", "pk=@project_zahle", get="200", post="405"),
    R("projects:project_translations", "pk=@project_zahle", get="200 200 403 403 403 403 login", post="200 200 403 403 403 403 login"),
    R("projects:dashboard", get="200 403 403 403 403 403 403", post="405"),
    R("projects:dashboard_prototype", "slug=activating-local-engagement", get="200 403 403 403 403 403 403", post="405"),
    R("projects:practice_transfers", "slug=spilamberto-and-us-active-citizens-for-the-common-good", town="spilamberto", get="200", post="405"),
    # -- calls --
    R("calls:list", get="200", post="405"),
    R("calls:detail", "slug=local4action-hubs-2026", get="200", post="405"),
    R("calls:apply", "slug=local-change-lab-2027-hosts", get="403 200 200 403 403 403 login", post="403 400 400 403 403 403 login"),
    R("calls:apply", "slug=local-change-lab-2027-hosts", query="?town=zahle", get="403 200 404 403 403 403 login", post="403 400 404 403 403 403 login"),
    R("calls:autosave", "slug=local-change-lab-2027-hosts", get="405 405 405 405 405 405 login", post="403 200+ 200+ 403 403 403 login"),
    R("calls:apply", "slug=local4action-hubs-2026", get="403 302 403 403 403 403 login", post="403 302 403 403 403 403 login"),
    R("calls:autosave", "slug=local4action-hubs-2026", data={"title": "Late"}, get="405 405 405 405 405 405 login", post="403 200 200 403 403 403 login"),
    R("calls:review", "slug=local4action-hubs-2026", get="200 403 403 200 200 403 login", post="200 403 403 200 200 403 login"),
    R("calls:history", "slug=local4action-hubs-2026", get="200 403 403 403 403 403 login", post="200 403 403 403 403 403 login"),
    R("calls:application", "slug=local4action-hubs-2026 pk=@application_zahle", get="200 200 404 200 404 404 login", post="200 200 404 200 404 404 login"),
    R("calls:application", "slug=local-change-lab-2027-hosts pk=@application_kamenica", town="kamenica", get="200 200 404 404 404 404 login", post="200 200 404 404 404 404 login"),
    R("calls:withdraw", "slug=local4action-hubs-2026 pk=@application_zahle", get="405 405 405 405 405 405 login", post="403 200 404 403 404 404 login"),
    R("calls:score", "slug=local4action-hubs-2026 pk=@application_zahle", get="405 405 405 405 405 405 login", post="404 404 404 400 404 404 login"),
    R("calls:score", "slug=local-change-lab-2027-hosts pk=@application_zahle", get="405 405 405 405 405 405 login", post="404 404 404 404 404 404 login"),
    R("calls:application", "slug=local-change-lab-2027-hosts pk=@application_zahle", get="404 404 404 404 404 404 login", post="404 404 404 404 404 404 login"),
    R("calls:conflict", "slug=local4action-hubs-2026 pk=@application_zahle", get="405 405 405 405 405 405 login", post="404 404 404 302+ 404 404 login"),
    R("calls:assign", "slug=local4action-hubs-2026 pk=@application_zahle", get="405", post="302 403 403 403 403 403 403"),
    R("calls:decide", "slug=local4action-hubs-2026 pk=@application_zahle", get="405", post="302 403 403 403 403 403 403"),
    R("calls:application_file", "slug=local4action-hubs-2026 pk=@application_zahle file_pk=@application_file", get="200 200 404 200 404 404 login", post="200 200 404 200 404 404 login"),
    R("calls:application_file", "slug=local-change-lab-2027-hosts pk=@application_kamenica file_pk=@application_file", town="kamenica", get="404 404 404 404 404 404 login", post="404 404 404 404 404 404 login"),
    R("calls:translations", "slug=local4action-hubs-2026", get="200 403 403 403 403 403 login", post="200 403 403 403 403 403 login"),
    R("calls:award", get="200", post="405"),
    R("calls:hubs", get="200", post="405"),
    R("calls:hub", "slug=baalbek-young-makers-hub", town="baalbek", get="200", post="405"),
    R("calls:time_zone", get="405", post="302"),
    # -- events --
    R("events:list", get="200", post="405"),
    R("events:feed", get="200", post="405"),
    R("events:agenda", get="200 200 200 200 200 200 login", post="405 405 405 405 405 405 login"),
    R("events:ics", "slug=mayors-conference-vienna", get="200", post="405"),
    R("events:detail", "slug=mayors-conference-vienna", get="200", post="405"),
    R("events:register", "slug=mayors-conference-vienna", town="spilamberto", other="zahle", get="200 302 200 302 200 200 login", post="400 409 400 409 400 400 login"),
    R("events:cancel", "slug=mayors-conference-vienna", town="spilamberto", other="zahle", data={"confirmed": "yes"}, get="405 405 405 405 405 405 login", post="404 302+ 404 302+ 404 404 login"),
    R("events:session_book", "slug=mayors-conference-vienna session_id=@session_conference", town="spilamberto", other="zahle", get="405 405 405 405 405 405 login", post="404 302 404 302 404 404 login"),
    R("events:session_leave", "slug=mayors-conference-vienna session_id=@session_conference", town="spilamberto", other="zahle", get="405 405 405 405 405 405 login", post="404 302+ 404 302+ 404 404 login"),
    R("events:certificate", "slug=mayors-conference-vienna", town="spilamberto", other="zahle", get="404 403 404 403 404 404 login", post="405 405 405 405 405 405 login"),
    R("events:participants", "slug=mayors-conference-vienna", town="spilamberto", other="zahle", get="200 403 403 403 403 403 403", post="405"),
    R("events:participants_csv", "slug=mayors-conference-vienna", town="spilamberto", other="zahle", get="200 403 403 403 403 403 403", post="405"),
    R("events:decide", "slug=mayors-conference-vienna pk=@registration_spilamberto", town="spilamberto", other="zahle", get="405", post="302 403 403 403 403 403 403"),
    R("events:checkin", "slug=mayors-conference-vienna pk=@registration_spilamberto", town="spilamberto", other="zahle", get="405", post="302+ 403 403 403 403 403 403"),
    R("events:decide", "slug=webinar-citizens-constitution pk=@registration_spilamberto", town="spilamberto", other="zahle", data={"decision": "approve"}, get="405", post="404 403 403 403 403 403 403"),
    R("events:checkin", "slug=webinar-citizens-constitution pk=@registration_spilamberto", town="spilamberto", other="zahle", get="405", post="404 403 403 403 403 403 403"),
    R("events:session_book", "slug=field-exposure-bekaa-valley session_id=@session_conference", town="spilamberto", other="zahle", get="405 405 405 405 405 405 login", post="404 404 404 404 404 404 login"),
    R("events:badges", "slug=mayors-conference-vienna", town="spilamberto", other="zahle", get="200 403 403 403 403 403 403", post="405"),
    R("events:translations", "slug=mayors-conference-vienna", get="200 403 403 403 403 403 login", post="200 403 403 403 403 403 login"),
    R("events:practice_events", "slug=spilamberto-and-us-active-citizens-for-the-common-good", town="spilamberto", get="200", post="405"),
    R("events:project_events", "pk=@project_zahle", get="200", post="405"),
    # -- network: groups, exchange --
    R("network:index", get="200", post="405"),
    R("network:group_list", get="200", post="405"),
    R("network:group_create", get="200 403 403 403 403 403 login", post="200 403 403 403 403 403 login"),
    R("network:group_detail", "slug=childrens-rights", get="200", post="405"),
    R("network:group_membership", "slug=childrens-rights", get="405 405 405 405 405 405 login", post="302+ 302 302 302+ 302+ 302+ login"),
    R("network:group_coordinator", "slug=childrens-rights user_id=@user_zahle", get="405 405 405 405 405 405 login", post="302+ 403 403 403 403 403 login"),
    R("network:group_coordinator", "slug=childrens-rights user_id=@user_zahle", town="kamenica", other="zahle", get="405 405 405 405 405 405 login", post="302+ 302+ 403 403 403 403 login"),
    R("network:exchange", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),
    R("network:thread_new", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),
    R("network:digest", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),
    R("network:report_queue", get="200 200 200 403 403 403 login", post="200 200 200 403 403 403 login"),
    R("network:thread_detail", "pk=@thread_zahle", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),
    R("network:thread_detail", "pk=@thread_group", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),
    R("network:thread_reply", "pk=@thread_zahle", data={"body": "We insure them through the town."}, get="405 405 405 405 405 405 login", post="302+ 302+ 302+ 302+ 302+ 302+ login"),
    R("network:thread_reply", "pk=@thread_group", data={"body": "We insure them through the town."}, get="405 405 405 405 405 405 login", post="302+ 302+ 302+ 403 403 403 login"),
    R("network:thread_follow", "pk=@thread_zahle", get="405 405 405 405 405 405 login", post="302+ 302+ 302+ 302+ 302+ 302+ login"),
    R("network:post_report", "pk=@post_zahle", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),
    R("network:post_moderate", "pk=@post_zahle", get="405 405 405 405 405 405 login", post="302+ 403 403 403 403 403 login"),
    R("network:post_moderate", "pk=@post_group", town="kamenica", other="zahle", get="405 405 405 405 405 405 login", post="302+ 302+ 403 403 403 403 login"),
    # -- network: statements, updates --
    R("network:statement_list", get="200", post="405"),
    R("network:statement_create", get="200 200 200 302 302 302 login", post="200 200 200 302 302 302 login"),
    R("network:signatories", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),
    R("network:signatory_grant", "town=zahle", get="200 200 403 403 403 403 login", post="200 200 403 403 403 403 login"),
    R("network:signatory_revoke", "pk=@signatory_zahle", get="405 405 405 405 405 405 login", post="302+ 302+ 403 403 403 403 login"),
    R("network:statement_detail", "slug=direct-funding-for-host-municipalities", get="200", post="405"),
    R("network:statement_detail", "slug=safe-routes-for-children-across-borders", town="kamenica", get="200 200 404 404 404 404 404", post="405"),
    R("network:statement_edit", "slug=direct-funding-for-host-municipalities", get="200 200 403 403 403 403 login", post="200 200 403 403 403 403 login"),
    R("network:statement_drafters", "slug=direct-funding-for-host-municipalities", data={"town": "jbeil"}, get="405 405 405 405 405 405 login", post="302 302 403 403 403 403 login"),
    R("network:statement_sign", "slug=direct-funding-for-host-municipalities", town="jbeil", data={"town": "jbeil", "confirmed": "yes"}, get="405 405 405 405 405 405 login", post="403 302+ 403 403 403 403 login"),
    R("network:statement_sign", "slug=safe-routes-for-children-across-borders", town="kamenica", data={"town": "kamenica", "confirmed": "yes"}, get="405 405 405 405 405 405 login", post="403 302 404 404 404 404 login"),
    R("network:statement_withdraw", "slug=direct-funding-for-host-municipalities", data={"town": "zahle", "confirmed": "yes"}, get="405 405 405 405 405 405 login", post="403 302+ 403 403 403 403 login"),
    R("network:statement_pdf", "slug=direct-funding-for-host-municipalities", get="200", post="405"),
    R("network:statement_version", "slug=direct-funding-for-host-municipalities number=1", get="200", post="405"),
    R("network:statement_translations", "slug=direct-funding-for-host-municipalities", get="200 200 403 403 403 403 login", post="200 200 403 403 403 403 login"),
    R("network:version_translations", "slug=direct-funding-for-host-municipalities number=2", get="200 200 403 403 403 403 login", post="200 200 403 403 403 403 login"),
    R("network:update_list", get="200", post="405"),
    R("network:update_new", get="403 200 200 403 403 403 login", post="403 200 200 403 403 403 login"),
    R("network:update_feed", get="200", post="200"),
    R("network:update_detail", "pk=@update_zahle", get="200", post="405"),
    R("network:update_feature", "pk=@update_zahle", get="405 405 405 405 405 405 login", post="302+ 403 403 403 403 403 login"),
    R("network:update_translations", "pk=@update_zahle", get="200 200 403 403 403 403 login", post="200 200 403 403 403 403 login"),
    # -- cooperation --
    R("cooperation:collaboration_list", get="200", post="405"),
    R("cooperation:collaboration_new", get="200 200 200 403 403 403 login", post="200 200 200 403 403 403 login"),
    R("cooperation:collaboration_detail", "slug=youth-bridges-spilamberto-batroun", town="spilamberto", other="zahle", get="200", post="405"),
    R("cooperation:collaboration_detail", "slug=@collaboration_network", town="kamenica", other="zahle", get="200 200 200 200 200 200 404", post="405"),
    R("cooperation:collaboration_edit", "slug=youth-bridges-spilamberto-batroun", town="spilamberto", other="zahle", get="200 200 403 403 403 403 login", post="400 400 403 403 403 403 login"),
    R("cooperation:collaboration_edit", "slug=youth-bridges-spilamberto-batroun", town="jbeil", other="zahle", get="200 403 403 403 403 403 login", post="400 403 403 403 403 403 login"),
    R("cooperation:step_add", "slug=youth-bridges-spilamberto-batroun", town="batroun", other="jbeil", data={"title": "Exchange of photos"}, get="405 405 405 405 405 405 login", post="302+ 302+ 403 403 403 403 login"),
    R("cooperation:partner_invite", "slug=youth-bridges-spilamberto-batroun", town="spilamberto", other="zahle", get="405 405 405 405 405 405 login", post="400 400 403 403 403 403 login"),
    R("cooperation:invitation_answer", "slug=youth-bridges-spilamberto-batroun pk=@invitation_jbeil", town="jbeil", other="spilamberto", get="405 405 405 405 405 405 login", post="404 302+ 404 404 404 404 login"),
    R("cooperation:step_add", "slug=youth-bridges-spilamberto-batroun", town="spilamberto", other="zahle", get="405 405 405 405 405 405 login", post="400 400 403 403 403 403 login"),
    R("cooperation:step_done", "slug=youth-bridges-spilamberto-batroun pk=@step_youth_bridges", town="spilamberto", other="zahle", get="405 405 405 405 405 405 login", post="302+ 302+ 403 403 403 403 login"),
    R("cooperation:step_done", "slug=heritage-trails-baalbek-jbeil pk=@step_youth_bridges", town="baalbek", other="zahle", get="405 405 405 405 405 405 login", post="404 404 403 403 403 403 login"),
    R("cooperation:funding_add", "slug=youth-bridges-spilamberto-batroun", town="spilamberto", other="zahle", get="405 405 405 405 405 405 login", post="400 400 403 403 403 403 login"),
    R("cooperation:funding_status", "slug=youth-bridges-spilamberto-batroun pk=@funding_youth_bridges", town="spilamberto", other="zahle", get="405 405 405 405 405 405 login", post="302 302 403 403 403 403 login"),
    R("cooperation:funding_status", "slug=heritage-trails-baalbek-jbeil pk=@funding_youth_bridges", town="baalbek", other="zahle", data={"status": "granted"}, get="405 405 405 405 405 405 login", post="404 404 403 403 403 403 login"),
    R("cooperation:solidarity", get="200", post="405"),
    R("cooperation:solidarity_unmet", get="200 403 403 403 403 403 login", post="405 405 405 405 405 405 login"),
    R("cooperation:post_new", get="403 200 200 403 403 403 login", post="403 200 200 403 403 403 login"),
    R("cooperation:post_detail", "pk=@need_zahle", get="200", post="405"),
    R("cooperation:post_propose", "pk=@need_zahle", other="spilamberto", data={"offer": "@offer_spilamberto"}, get="405 405 405 405 405 405 login", post="400 400 302+ 400 400 400 login"),
    R("cooperation:post_close", "pk=@need_zahle", get="405 405 405 405 405 405 login", post="403 302+ 403 403 403 403 login"),
    R("cooperation:match_move", "pk=@match_baalbek", town="baalbek", other="zahle", data={"state": "accepted"}, get="405 405 405 405 405 405 login", post="404 302+ 404 404 404 404 login"),
    R("cooperation:expert_list", get="200", post="405"),
    R("cooperation:expert_detail", "slug=nour-khalil", get="200", post="405"),
    R("cooperation:network_list", get="200", post="405"),
    R("cooperation:consultation_agenda", get="200 200 200 200 200 200 login", post="405 405 405 405 405 405 login"),
    R("cooperation:consultation_new", get="200 200 200 403 403 403 login", post="200 200 200 403 403 403 login"),
    R("cooperation:consultation_detail", "pk=@consultation_zahle", get="200 200 404 404 404 200 login", post="405 405 405 405 405 405 login"),
    R("cooperation:consultation_detail", "pk=@consultation_spilamberto", town="spilamberto", get="200 200 404 404 404 404 login", post="405 405 405 405 405 405 login"),
    R("cooperation:consultation_schedule", "pk=@consultation_zahle", get="405 405 405 405 405 405 login", post="400 403 404 404 404 403 login"),
    R("cooperation:consultation_notes", "pk=@consultation_zahle", get="405 405 405 405 405 405 login", post="400 403 404 404 404 400 login"),
    R("cooperation:consultation_ics", "pk=@consultation_zahle", get="200 200 404 404 404 200 login", post="405 405 405 405 405 405 login"),
    R("cooperation:project_consultations", "pk=@project_zahle", get="200 200 403 403 403 403 403", post="405"),
    # -- notifications, desk, open data, map --
    R("notifications:list", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),
    R("notifications:open", "pk=@notification_zahle", get="405 405 405 405 405 405 login", post="404 302+ 404 404 404 404 login"),
    R("notifications:unread_count", get="200", post="405"),
    R("notifications:mark_all_read", get="405 405 405 405 405 405 login", post="302+ 302+ 302+ 302+ 302+ 302+ login"),
    R("notifications:preferences", get="200 200 200 200 200 200 login", post="200 200 200 200 200 200 login"),
    R("notifications:unsubscribe", "token=@unsubscribe_zahle", get="200", post="200+"),
    R("desk:my_reviews", get="200 403 403 200 200 403 login", post="405"),
    R("opendata:index", get="200", post="405"),
    R("opendata:practices_csv", get="200", post="405"),
    R("opendata:practices_json", get="200", post="405"),
    R("opendata:sdg_report", get="200", post="405"),
    R("opendata:sdg_report_print", get="200", post="405"),
    R("opendata:sdg_report_csv", get="200", post="405"),
    R("maps:map", get="200", post="405"),
    # -- the API (personas send their token) --
    R("api:api-root", get="404", post="404"),
    R("api:openapi-json", get="200", post="200"),
    R("api:openapi-view", get="200", post="200"),
    R("api:list_practices", get="200"),
    R("api:audit_log", get="200 403 403 403 403 403 401"),
    R("api:my_data", get="200 200 200 200 200 200 401"),
    R("api:close_account", post="422 422 422 422 422 422 401"),
    R("api:get_practice", "slug=zahle-neighbourhood-volunteers", get="200 200 404 404 404 404 404"),
    R("api:get_practice", "slug=spilamberto-and-us-active-citizens-for-the-common-good", town="spilamberto", get="200"),
    R("api:patch_practice", "slug=zahle-neighbourhood-volunteers", data={"version": 1, "summary": "Neighbours help neighbours."}, patch="200+ 200+ 404 404 404 404 401"),
    R("api:patch_practice", "slug=spilamberto-and-us-active-citizens-for-the-common-good", town="spilamberto", data={"version": 1, "summary": "Citizens care for the commons."}, patch="200+ 403 403 403 403 403 401"),
    R("api:list_municipalities", get="200"),
    R("api:get_municipality", "slug=zahle", get="200"),
    R("api:patch_municipality", "slug=zahle", data={"version": 1, "capacities": "Choirs."}, patch="200+ 200+ 403 403 403 403 401"),
    R("api:list_prototypes", get="200"),
    R("api:get_prototype", "slug=activating-local-engagement", get="200"),
    R("api:list_projects", get="200"),
    R("api:get_project", "id=@project_zahle", get="200"),
    R("api:patch_project", "id=@project_zahle", data={"version": 1, "summary": "Volunteers meet every month."}, patch="200+ 200+ 403 403 403 403 401"),
    R("api:patch_project", "id=@project_jbeil", town="jbeil", data={"version": 1, "summary": "A new plan."}, patch="200+ 200+ 403 403 403 403 401"),
    R("api:get_project", "id=@project_jbeil", town="jbeil", get="200 200 200 200 200 200 404"),
    R("api:list_indicators", "id=@project_zahle", get="200"),
    R("api:post_measurement", "id=@project_zahle indicator_id=@indicator_zahle", data={"value": 40, "measured_on": "2026-11-20"}, post="403 201+ 403 403 403 403 401"),
    R("api:post_measurement", "id=@project_jbeil indicator_id=@indicator_zahle", town="jbeil", data={"value": 40, "measured_on": "2026-11-20"}, post="403 404 403 403 403 403 401"),
    R("api:list_indicators", "id=@project_jbeil", town="jbeil", get="200 200 200 200 200 200 404"),
    R("api:list_calls", get="200"),
    R("api:get_call", "slug=local4action-hubs-2026", get="200"),
    R("api:list_applications", "slug=local4action-hubs-2026", get="200"),
    R("api:list_hubs", get="200"),
    R("api:list_events", get="200"),
    R("api:get_event", "slug=mayors-conference-vienna", get="200"),
    R("api:list_groups", get="200"),
    R("api:list_statements", get="200"),
    R("api:get_statement", "slug=direct-funding-for-host-municipalities", get="200"),
    R("api:get_statement", "slug=safe-routes-for-children-across-borders", town="kamenica", get="200 200 404 404 404 404 404"),
    R("api:list_updates", get="200"),
    R("api:list_collaborations", get="200"),
    R("api:list_needs", get="200"),
    R("api:list_offers", get="200"),
    R("api:list_experts", get="200"),
    R("api:list_networks", get="200"),
    R("api:desk", get="200 200 200 200 200 200 401"),
    R("api:list_notifications", get="200 200 200 200 200 200 401"),
    R("api:mark_read", post="200+ 200+ 200+ 200+ 200+ 200+ 401"),
    R("api:mark_one_read", "id=@notification_zahle", post="404 200+ 404 404 404 404 401"),
    R("api:preferences", get="200 200 200 200 200 200 401"),
    R("api:change_preferences", data={"version": 1, "choices": {"mention": "digest"}}, patch="200+ 200+ 200+ 200+ 200+ 200+ 401"),
]
# fmt: on
