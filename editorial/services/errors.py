"""Refusals of the editorial workflow. Their messages are written for editors, shown as they are."""


class WorkflowError(Exception):
    """A refused edit or move. The message is written for the editor and shown as it is."""


class EditConflict(WorkflowError):
    def __init__(self, current_version: int):
        self.current_version = current_version
        super().__init__(
            "Someone else saved this claim while you were editing it. Reload it, check their "
            "changes, and make yours again."
        )
