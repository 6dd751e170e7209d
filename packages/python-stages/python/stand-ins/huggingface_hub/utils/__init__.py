"""huggingface_hub.utils: the errors (pyannote.audio imports RepositoryNotFoundError from here) and validators."""

from huggingface_hub.errors import (
    EntryNotFoundError,
    GatedRepoError,
    HfHubHTTPError,
    HFValidationError,
    LocalEntryNotFoundError,
    OfflineModeIsEnabled,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)
from huggingface_hub.utils._validators import validate_hf_hub_args, validate_repo_id

__all__ = [
    "EntryNotFoundError",
    "GatedRepoError",
    "HfHubHTTPError",
    "HFValidationError",
    "LocalEntryNotFoundError",
    "OfflineModeIsEnabled",
    "RepositoryNotFoundError",
    "RevisionNotFoundError",
    "validate_hf_hub_args",
    "validate_repo_id",
]
