"""Deploy checks (`manage.py check --deploy`): the about and privacy pages name a real contact.

Locally these settings may stay empty, and the pages then say plainly that they are unset; a
public deployment must set them. Registered when this module is imported, which an AppConfig's
ready() must do (Django imports no check module by itself).
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.core.validators import validate_email


@checks.register(checks.Tags.security, "site", deploy=True)
def check_site_publisher_details(app_configs=None, **kwargs) -> list[checks.Warning]:
    warnings = []
    email = settings.SITE_CONTACT_EMAIL
    if not email:
        warnings.append(checks.Warning(
            "SITE_CONTACT_EMAIL is not set: the about and privacy pages tell readers there is "
            "no way to contact you or to ask for a suggestion to be deleted.",
            hint="Set SITE_CONTACT_EMAIL to an address someone reads.",
            id="config.W001",
        ))
    else:
        try:
            validate_email(email)
        except ValidationError:
            warnings.append(checks.Warning(
                f"SITE_CONTACT_EMAIL is not an email address: {email!r}.",
                hint="Set SITE_CONTACT_EMAIL to an address like editors@example.org.",
                id="config.W002",
            ))
    if not settings.SITE_FUNDING:
        warnings.append(checks.Warning(
            "SITE_FUNDING is not set: the about page tells readers you have not said how the "
            "site is paid for.",
            hint="Set SITE_FUNDING to one or two plain sentences, e.g. who pays for it.",
            id="config.W003",
        ))
    return warnings
