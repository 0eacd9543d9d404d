"""Every action the log knows, by code, with the words shown for it.

``record`` refuses a code missing here, so every entry has a label in every language.
"""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    # practices
    "practice.created": _("created the practice"),
    "practice.edited": _("edited the practice"),
    "practice.saved": _("saved a draft of the practice"),
    "practice.submitted": _("submitted the practice for review"),
    "practice.published": _("published the practice"),
    "practice.changes_requested": _("asked for changes to the practice"),
    "practice.archived": _("archived the practice"),
    "practice.imported": _("imported the practice"),
    "practice.proposed": _("proposed changes to the practice"),
    "practice.accepted": _("accepted the proposed changes"),
    "practice.declined": _("declined the proposed changes"),
    "practice.distinction": _("changed the practice's award distinction"),
    # members
    "municipality.profile_edited": _("edited the municipality's profile"),
    "invitation.sent": _("invited a person"),
    "invitation.accepted": _("accepted an invitation"),
    "user.roles_changed": _("changed the person's roles"),
    "user.profile_edited": _("edited their own profile"),
    "application.withdrawn": _("withdrew the application"),
    "account.closed": _("closed the account and erased its personal data"),
    # matching
    "recommendation.feedback": _("gave feedback on a recommendation"),
    # translations
    "translation.saved": _("saved a translation"),
    "translation.reviewed": _("reviewed a translation"),
    # projects
    "project.started": _("started the project"),
    "prototype.saved": _("saved the prototype"),
    "milestone.status": _("changed a milestone's status"),
    "measurement.recorded": _("recorded a measurement"),
    "project.progress_update": _("posted a progress update"),
    "project.outcome": _("recorded the transfer outcome"),
    "project.edited": _("edited the project"),
    "project.plan_item_added": _("added to the project plan"),
    "project.plan_item_removed": _("removed from the project plan"),
    # calls
    "call.opened": _("opened the call"),
    "call.closed": _("closed the call"),
    "application.saved": _("saved the application"),
    "application.submitted": _("submitted the application"),
    "application.reviewer_assigned": _("assigned a reviewer"),
    "application.conflict": _("declared a conflict of interest"),
    "application.scored": _("scored the application"),
    "application.decided": _("decided on the application"),
    "hub.labelled": _("labelled a HUB"),
    "hub.unlabelled": _("took a HUB label away"),
    # events
    "registration.created": _("registered for the event"),
    "registration.cancelled": _("cancelled a registration"),
    "registration.promoted": _("gave a freed seat to a waiting person"),
    "registration.approved": _("approved a registration"),
    "registration.declined": _("declined a registration"),
    "registration.attendance": _("checked a participant in or out"),
    "booking.created": _("booked a session"),
    "booking.cancelled": _("cancelled a session booking"),
    "booking.promoted": _("gave a freed session place to a waiting person"),
    # network
    "group.created": _("opened the working group"),
    "group.joined": _("joined the working group"),
    "group.left": _("left the working group"),
    "group.coordinator": _("changed a group coordinator"),
    "thread.started": _("started a discussion"),
    "thread.replied": _("replied in a discussion"),
    "thread.following": _("followed or unfollowed a discussion"),
    "post.reported": _("reported a message"),
    "post.hidden": _("hid or showed a message"),
    "digest.frequency": _("changed the digest frequency"),
    "statement.created": _("drafted the joint statement"),
    "statement.revised": _("revised the joint statement"),
    "statement.drafting_town_added": _("added a drafting town"),
    "statement.drafting_town_left": _("took a town off the drafters"),
    "signatory.granted": _("authorised a signatory"),
    "signatory.revoked": _("revoked a signatory"),
    "statement.signed": _("signed the joint statement"),
    "statement.withdrawn": _("withdrew a signature"),
    "update.posted": _("posted an update"),
    "update.featured": _("featured or unfeatured a story"),
    # cooperation
    "collaboration.started": _("started the collaboration"),
    "collaboration.invited": _("invited a partner town"),
    "collaboration.answered": _("answered an invitation to collaborate"),
    "collaboration.edited": _("edited the collaboration"),
    "collaboration.step_added": _("added a step to the shared plan"),
    "collaboration.step_done": _("marked a step done or not done"),
    "collaboration.funding_added": _("recorded a joint funding application"),
    "collaboration.funding_status": _("changed a funding application's status"),
    "solidarity.published": _("put a need or offer on the board"),
    "solidarity.suggested": _("suggested a match"),
    "solidarity.proposed": _("put an offer forward for a need"),
    "solidarity.moved": _("moved a match on"),
    "solidarity.closed": _("withdrew a need or offer"),
    "consultation.requested": _("asked for a consultation"),
    "consultation.scheduled": _("scheduled a consultation"),
    "consultation.notes": _("recorded consultation notes"),
    # the admin (every model the secretariat edits there)
    "admin.added": _("added in the admin"),
    "admin.changed": _("changed in the admin"),
    "admin.deleted": _("deleted in the admin"),
    "user.added": _("created an account in the admin"),
    "user.changed": _("edited the person in the admin"),
    "user.deleted": _("deleted an account in the admin"),
    "membership.added": _("made the person a representative"),
    "membership.changed": _("changed the representative's position"),
    "membership.deleted": _("removed the person as representative"),
    # notifications
    "notifications.preferences": _("changed e-mail preferences"),
}


def label_of(action: str) -> str:
    return str(ACTIONS.get(action, action))
