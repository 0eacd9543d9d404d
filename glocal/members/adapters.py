from allauth.account.adapter import DefaultAccountAdapter

from .languages import in_language_of
from .models import User


class InvitationOnlyAdapter(DefaultAccountAdapter):
    """People join through an invitation from the secretariat, not by open sign-up."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Account mail (password reset, address confirmation) in the owner's language."""
        owner = User.objects.filter(email__iexact=email).only("language").first()
        if owner is None or not owner.language:
            return super().send_mail(template_prefix, email, context)
        with in_language_of(owner):
            return super().send_mail(template_prefix, email, context)
