"""Roles are decided in one module, glocal/lib/roles.py, as imports go one way.

A raw read of ``is_staff``/``is_superuser``/``is_reviewer``, or a hand-written "does this person
represent this town", anywhere else in the code or in a template fails here.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROLES_MODULE = ROOT / "glocal" / "lib" / "roles.py"
ROLE_FLAGS = {"is_staff", "is_superuser", "is_reviewer", "is_secretariat"}
# Calls that *give* a role, never ask about one: creating a person (demo data, the superuser
# command) and ``dict.update`` of their fields. Any other call with a role keyword is a query
# deciding who holds the role (``User.objects.filter(is_staff=True)``), which roles.py answers.
ROLE_GIVING_CALLS = {"create_user", "create_superuser", "update"}
# ``memberships`` is also the name of a working group's members (network.GroupMembership);
# a group asking about its own members (``self.memberships``, ``group.memberships``) is no
# question about a town.
GROUP_RECEIVERS = {"self", "group"}
TOWN_MEMBERSHIP_LOOKUP = re.compile(r"(^|__)memberships__user($|__)")
TEMPLATE_ROLE_READ = re.compile(
    r"\b(is_staff|is_superuser|is_reviewer|is_secretariat)\b|memberships\.exists"
)


def code_files() -> list[Path]:
    return [
        path for path in (ROOT / "glocal").rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts and path != ROLES_MODULE
    ]  # fmt: skip


def call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def by_line(found: list[str]) -> list[str]:
    return sorted(found, key=lambda hit: int(hit.split(":")[0]))


def raw_role_reads(source: str) -> list[str]:
    """Each place that reads a role flag itself: ``user.is_staff`` or ``filter(is_staff=True)``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        asked_of_roles = isinstance(node, ast.Attribute) and receiver(node.value) == "roles"
        if (isinstance(node, ast.Attribute) and node.attr in ROLE_FLAGS
                and isinstance(node.ctx, ast.Load) and not asked_of_roles):  # fmt: skip
            found.append(f"{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Call) and call_name(node) == "getattr":
            asked = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
            if asked and asked[0] in ROLE_FLAGS:
                found.append(f"{node.lineno}: getattr(…, {asked[0]!r})")
        elif isinstance(node, ast.Call) and call_name(node) not in ROLE_GIVING_CALLS:
            for keyword in node.keywords:
                name = keyword.arg or ""
                if name.split("__")[-1] in ROLE_FLAGS or any(f in name for f in ROLE_FLAGS):
                    found.append(f"{node.lineno}: {call_name(node)}({name}=…)")
    return by_line(found)


def receiver(node: ast.AST) -> str:
    return node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")


def hand_written_town_checks(source: str) -> list[str]:
    """Each place that asks "does this person represent this town" without roles.py."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = call_name(node)
        if name == "represents" and not (
            isinstance(func, ast.Attribute) and receiver(func.value) == "roles"
        ):
            found.append(f"{node.lineno}: .represents()")
        for keyword in node.keywords:
            arg = keyword.arg or ""
            if TOWN_MEMBERSHIP_LOOKUP.search(arg) and not arg.startswith("group__"):
                found.append(f"{node.lineno}: {name}({arg}=…)")
        if (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute)
                and func.value.attr == "memberships"
                and receiver(func.value.value) not in GROUP_RECEIVERS):  # fmt: skip
            asks_about_a_person = name == "exists" or any(
                (k.arg or "").split("__")[0] == "user" and k.arg != "user__is_active"
                for k in node.keywords
            )
            if asks_about_a_person:
                found.append(f"{node.lineno}: .memberships.{name}()")
    return by_line(found)


def offenders(check) -> dict[str, list[str]]:
    result = {}
    for path in code_files():
        hits = check(path.read_text(encoding="utf-8"))
        if hits:
            result[str(path.relative_to(ROOT))] = hits
    return result


def test_no_role_flag_is_read_outside_the_roles_module():
    assert offenders(raw_role_reads) == {}


def test_representing_a_town_is_asked_only_of_the_roles_module():
    assert offenders(hand_written_town_checks) == {}


def test_templates_ask_the_roles_context_not_the_user_flags():
    templates = [*ROOT.glob("templates/**/*.*"), *ROOT.glob("glocal/*/templates/**/*.*")]
    hits = {
        str(path.relative_to(ROOT)): TEMPLATE_ROLE_READ.findall(path.read_text(encoding="utf-8"))
        for path in templates
        if path.suffix in {".html", ".txt", ".xml", ".ics"}
    }
    assert {path: found for path, found in hits.items() if found} == {}
    assert any("roles.secretariat" in p.read_text(encoding="utf-8") for p in templates)


def test_the_scan_finds_every_spelling_of_a_raw_role_check():
    source = (
        "if user.is_staff or request.user.is_superuser: pass\n"
        "User.objects.filter(is_staff=True)\n"
        "Q(reviewer__is_staff=True)\n"
        "x = u.is_reviewer or roles.is_reviewer(u)\n"
        "User.objects.create_user('a@b.c', is_staff=True)\n"
        "user.is_staff = True\n"
    )
    assert raw_role_reads(source) == [
        "1: .is_staff", "1: .is_superuser", "2: filter(is_staff=…)",
        "3: Q(reviewer__is_staff=…)", "4: .is_reviewer",
    ]  # fmt: skip


def test_the_scan_finds_every_spelling_of_a_town_check():
    source = (
        "user.represents(town)\n"
        "town.memberships.filter(user=user).exists()\n"
        "Project.objects.filter(municipality__memberships__user=user)\n"
        "request.user.memberships.exists()\n"
        "roles.represents(user, town)\n"
        "self.memberships.filter(user=user).exists()\n"
        "Post.objects.filter(group__memberships__user=user)\n"
        "town.memberships.filter(user__is_active=True)\n"
    )
    assert hand_written_town_checks(source) == [
        "1: .represents()", "2: .memberships.filter()",
        "3: filter(municipality__memberships__user=…)", "4: .memberships.exists()",
    ]  # fmt: skip
