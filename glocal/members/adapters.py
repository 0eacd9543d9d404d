from allauth.account.adapter import DefaultAccountAdapter


class InvitationOnlyAdapter(DefaultAccountAdapter):
    """People join through an invitation from the secretariat, not by open sign-up."""

    def is_open_for_signup(self, request) -> bool:
        return False
