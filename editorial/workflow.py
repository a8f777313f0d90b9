"""The one transition table of a claim's review: state x action -> next state, and who may.

The services, the admin's buttons and the permission-matrix test all read this table; no other
module keeps a copy of these rules.
"""

from dataclasses import dataclass, field

from claims.models import ReviewState

S = ReviewState

# A published claim whose re-review is sent back rests as approved, or as needing re-review
# when its review date has passed: the service decides which from the claim's dates.
PUBLISHED_RESTING = "published_resting"
# A claim under review that was never approved leaves public view; one that was stays public.
UNDER_REVIEW_SENT_BACK = "under_review_sent_back"


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    permission: str
    # from-state -> next state (or one of the two resolved names above)
    moves: dict = field(default_factory=dict)
    # States where the action needs proposed changes to exist (an approved claim with none
    # has nothing to submit).
    needs_revision: frozenset = frozenset()
    # The four-eyes rule applies: nobody who changed what is being approved may take it.
    four_eyes: bool = False


EDIT_MOVES = {
    S.DRAFT: S.DRAFT,
    S.CHANGES_REQUESTED: S.CHANGES_REQUESTED,
    S.APPROVED: S.APPROVED,
    S.NEEDS_REREVIEW: S.NEEDS_REREVIEW,
}

ACTIONS = {
    action.name: action
    for action in (
        Action("edit", "Save", "claims.change_claim", EDIT_MOVES),
        Action("restore", "Restore this version", "claims.change_claim", EDIT_MOVES),
        Action(
            "submit", "Submit for medical review", "claims.submit_claim",
            {
                S.DRAFT: S.SUBMITTED,
                S.CHANGES_REQUESTED: S.SUBMITTED,
                S.APPROVED: S.UNDER_REVIEW,
                S.NEEDS_REREVIEW: S.UNDER_REVIEW,
            },
            needs_revision=frozenset({S.APPROVED}),
        ),
        Action(
            "start_review", "Start review", "claims.review_claim",
            {S.SUBMITTED: S.UNDER_REVIEW}, four_eyes=True,
        ),
        Action(
            "approve", "Approve", "claims.review_claim",
            {S.SUBMITTED: S.APPROVED, S.UNDER_REVIEW: S.APPROVED, S.NEEDS_REREVIEW: S.APPROVED},
            four_eyes=True,
        ),
        Action(
            "request_changes", "Request changes", "claims.review_claim",
            {S.SUBMITTED: S.CHANGES_REQUESTED, S.UNDER_REVIEW: UNDER_REVIEW_SENT_BACK},
        ),
    )
}

# States whose text is frozen while a medical reviewer works on it.
LOCKED_STATES = tuple(
    state for state in S.values if state not in ACTIONS["edit"].moves
)
IN_PLACE_STATES = (S.DRAFT, S.CHANGES_REQUESTED)
REVISION_STATES = (S.APPROVED, S.NEEDS_REREVIEW)
REVIEWABLE_STATES = tuple(ACTIONS["approve"].moves)


def action_allowed(user, state: str, action: str, *, has_revision: bool = False) -> bool:
    """Whether the role and the state allow the action (the four-eyes rule comes on top)."""
    rule = ACTIONS[action]
    if user is None or not user.is_active or not user.has_perm(rule.permission):
        return False
    if state not in rule.moves:
        return False
    return has_revision or state not in rule.needs_revision


def next_state(action: str, state: str) -> str:
    return ACTIONS[action].moves[state]
