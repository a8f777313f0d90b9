"""The address of the reader who sent a request, seen through our own TRUSTED_PROXY_COUNT proxies.

Each proxy appends the address it was reached from to X-Forwarded-For, so only the right-most
TRUSTED_PROXY_COUNT entries were written by us; anything to their left came from the client
and can say anything. The one function both the suggestion rate limit and django-axes
(AXES_CLIENT_IP_CALLABLE) use.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    forwarded = [part.strip()
                 for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    # Fewer entries than proxies: the request did not come through all of them (sent to the
    # app directly), so its header is the client's word alone.
    if len(forwarded) < hops:
        return remote
    candidate = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # a proxy that writes something else (a port, "unknown")
        return remote
