"""The gate on every staff page outside the admin: the same people the admin lets in."""

from functools import wraps

from django.shortcuts import render

from editorial.two_factor import may_use_staff_pages

REFUSED_TEMPLATE = "editorial/staff_sign_in_needed.html"


def staff_required(view):
    """Active staff only, with a verified one-time code whenever their role needs one now.

    Anyone else gets a plain 403 that names no address: a redirect to the admin's sign-in
    would tell every visitor where the admin lives (ADMIN_PATH is kept out of public view).
    """

    @wraps(view)
    def gated(request, *args, **kwargs):
        if not may_use_staff_pages(request.user):
            return render(request, REFUSED_TEMPLATE, status=403)
        return view(request, *args, **kwargs)

    return gated
