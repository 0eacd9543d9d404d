"""Print the demo sign-in addresses, their roles and the shared demo password."""

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from glocal.demo.content import DEMO_PASSWORD, MUNICIPALITIES, USERS
from glocal.demo.content_cooperation import EXPERT_USER
from glocal.members.models import User


def login_rows() -> list[tuple[str, str]]:
    towns = {m["slug"]: m["name"] for m in MUNICIPALITIES}
    rows = []
    for user in USERS:
        role = user["role"]
        if "municipality" in user:
            role = f"{user.get('position') or role}, {towns[user['municipality']]}"
        rows.append((user["email"], role))
    rows.append((EXPERT_USER["email"], "External expert (consultations)"))
    return rows


class Command(BaseCommand):
    help = "Show the demo accounts and their shared password."

    def handle(self, *args, **options):
        rows = [("E-mail", "Role"), *login_rows()]
        width = max(len(email) for email, _ in rows)
        self.stdout.write(f"Demo sign-in (password for every account: {DEMO_PASSWORD})")
        for email, role in rows:
            self.stdout.write(f"  {email.ljust(width)}  {role}")
        if not self.loaded():
            self.stdout.write("  (Not loaded yet: run `manage.py load_demo` first.)")

    def loaded(self) -> bool:
        try:
            return User.objects.filter(email__in=[u["email"] for u in USERS]).exists()
        except DatabaseError:
            return False
