"""The pages audited by tests/browser/test_accessibility.py and scripts/audit_accessibility.py."""

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
EVENT = "/events/mayors-conference-vienna/"
PUBLIC = [
    "/", "/practices/", "/practices/?region=balkans&sort=title", "/municipalities/",
    "/municipalities/spilamberto/", "/map/", "/events/", EVENT, "/calls/", "/projects/",
    "/prototypes/", "/community/", "/statements/", "/updates/", "/experts/", "/solidarity/",
    "/reports/sdg/", "/data/", "/accounts/login/", "/api/docs",
]  # fmt: skip
REPRESENTATIVE = [
    "/", "/practices/submit/", "/events/agenda/", EVENT, f"{EVENT}register/",
    "/municipalities/spilamberto/edit/", "/municipalities/spilamberto/recommendations/",
    "/collaborations/", "/exchange/", "/groups/",
]  # fmt: skip
SECRETARIAT = [
    "/", "/dashboard/", "/practices/review/", f"{EVENT}participants/", "/exchange/reports/",
    "/statements/new/",
]  # fmt: skip
PEOPLE = {
    "anonymous": (None, PUBLIC),
    "representative": ("mayor@spilamberto.glocal.demo", REPRESENTATIVE),
    "secretariat": ("secretariat@glocal.demo", SECRETARIAT),
}
