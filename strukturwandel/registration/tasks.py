"""Tasks of the registration app (Django's tasks framework, see tasks_compat)."""

from . import mail
from .tasks_compat import task


@task()
def send_registration_mail(mail_id):
    """Send one stored registration e-mail; a failure is recorded for a later retry."""
    return mail.deliver(mail_id)
