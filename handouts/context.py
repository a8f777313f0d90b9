"""What every handout's footer shows: where the living page is, when printed, review status."""

from django.conf import settings
from django.utils import timezone

from handouts.qr import qr_svg


def handout_context(*, page_url: str, title: str, review) -> dict:
    """`review` is the claim whose review status the footer reports (None if there is none)."""
    online_url = settings.SITE_URL + page_url
    return {
        "handout_title": title,
        "online_url": online_url,
        "qr_code": qr_svg(online_url, title=f"QR code: {online_url}"),
        "printed_on": timezone.localdate(),
        "review": review,
    }
