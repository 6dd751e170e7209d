"""hf_hub_download as huggingface_hub 0.36.2 runs it into a cache folder, with a hub that cannot be reached."""

import os
import re
from pathlib import Path
from typing import Dict, Literal, Optional, Union

from huggingface_hub import constants
from huggingface_hub.errors import (
    GatedRepoError,
    LocalEntryNotFoundError,
    OfflineModeIsEnabled,
    RepositoryNotFoundError,
)
from huggingface_hub.utils import validate_hf_hub_args

REGEX_COMMIT_HASH = re.compile(r"^[0-9a-f]{40}$")

# Repositories whose terms must be accepted: the hub answers 401 to a request without a token.
_GATED_REPOS = {"pyannote/speaker-diarization-3.1", "pyannote/segmentation-3.0"}


def repo_folder_name(*, repo_id: str, repo_type: str) -> str:
    return "--".join([f"{repo_type}s", *repo_id.split("/")])


def _token_to_send(token: Union[bool, str, None]) -> Optional[str]:
    # token=None or True: the saved token, HF_TOKEN first; False: none.
    if token is False:
        return None
    return token if isinstance(token, str) else os.environ.get("HF_TOKEN") or os.environ.get("HUGGING_FACE_HUB_TOKEN")


def _head_call_error(
    repo_id: str, filename: str, revision: str, token: Union[bool, str, None], local_files_only: bool
) -> Exception:
    """Why the HEAD request for the file's metadata gave no answer: the stand-in never gets one."""
    if local_files_only:
        return OfflineModeIsEnabled(
            "Cannot access file since 'local_files_only=True' as been set. "
            f"(repo_id: {repo_id}, revision: {revision}, filename: {filename})"
        )
    url = f"https://huggingface.co/{repo_id}/resolve/{revision}/{filename}"
    if constants.HF_HUB_OFFLINE:
        return OfflineModeIsEnabled(
            f"Cannot reach {url}: offline mode is enabled. "
            "To disable it, please unset the `HF_HUB_OFFLINE` environment variable."
        )
    if repo_id in _GATED_REPOS and _token_to_send(token) is None:
        return GatedRepoError(
            f"401 Client Error. Cannot access gated repo for url {url}. Access to model {repo_id} is restricted. "
            "You must have access to it and be authenticated to access it. Please log in."
        )
    return ConnectionError(f"Failed to resolve 'huggingface.co' for {url}: the stand-in hub cannot be reached")


@validate_hf_hub_args
def hf_hub_download(
    repo_id: str,
    filename: str,
    *,
    subfolder: Optional[str] = None,
    repo_type: Optional[str] = None,
    revision: Optional[str] = None,
    library_name: Optional[str] = None,
    library_version: Optional[str] = None,
    cache_dir: Union[str, Path, None] = None,
    local_dir: Union[str, Path, None] = None,
    user_agent: Union[Dict, str, None] = None,
    force_download: bool = False,
    proxies: Optional[Dict] = None,
    etag_timeout: float = 10,
    token: Union[bool, str, None] = None,
    local_files_only: bool = False,
    headers: Optional[Dict[str, str]] = None,
    endpoint: Optional[str] = None,
    resume_download: Optional[bool] = None,
    force_filename: Optional[str] = None,
    local_dir_use_symlinks: Union[bool, Literal["auto"]] = "auto",
) -> str:
    """The cached file's path in `cache_dir` (default HF_HUB_CACHE): models--org--name/snapshots/<commit>/<filename>,
    the commit read from refs/<revision> when the revision is a branch or tag."""
    if local_dir is not None:
        raise NotImplementedError("the stand-in downloads into a cache folder only")
    cache_dir = str(cache_dir) if cache_dir is not None else constants.HF_HUB_CACHE
    revision = revision or constants.DEFAULT_REVISION
    repo_type = repo_type or "model"
    if repo_type not in constants.REPO_TYPES:
        raise ValueError(f"Invalid repo type: {repo_type}. Accepted repo types are: {constants.REPO_TYPES}")
    if subfolder:
        filename = f"{subfolder}/{filename}"
    storage_folder = os.path.join(cache_dir, repo_folder_name(repo_id=repo_id, repo_type=repo_type))
    relative_filename = os.path.join(*filename.split("/"))

    head_call_error = _head_call_error(repo_id, filename, revision, token, local_files_only)
    if force_download:
        raise ValueError("Force download failed due to the above error.") from head_call_error
    commit_hash: Optional[str] = revision if REGEX_COMMIT_HASH.match(revision) else None
    ref_path = os.path.join(storage_folder, "refs", revision)
    if commit_hash is None and os.path.isfile(ref_path):
        with open(ref_path) as ref:
            commit_hash = ref.read()
    if commit_hash is not None:
        pointer_path = os.path.join(storage_folder, "snapshots", commit_hash, relative_filename)
        if os.path.exists(pointer_path):
            return pointer_path

    if local_files_only:
        raise LocalEntryNotFoundError(
            "Cannot find the requested files in the disk cache and outgoing traffic has been disabled. To enable"
            " hf.co look-ups and downloads online, set 'local_files_only' to False."
        )
    if isinstance(head_call_error, RepositoryNotFoundError):
        raise head_call_error
    raise LocalEntryNotFoundError(
        "An error happened while trying to locate the file on the Hub and we cannot find the requested files"
        " in the local cache. Please check your connection and try again or make sure your Internet connection"
        " is on."
    ) from head_call_error
