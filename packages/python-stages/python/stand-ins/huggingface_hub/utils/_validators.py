"""huggingface_hub's argument checks: a repo id's form, and `use_auth_token` passed on as `token`."""

import inspect
import re
from functools import wraps
from itertools import chain
from typing import Any, Callable, TypeVar

from huggingface_hub.errors import HFValidationError

REPO_ID_REGEX = re.compile(
    r"""
    ^
    (\b[\w\-.]+\b/)? # optional namespace (username or organization)
    \b               # starts with a word boundary
    [\w\-.]{1,96}    # repo_name: alphanumeric + . _ -
    \b               # ends with a word boundary
    $
    """,
    flags=re.VERBOSE,
)

CallableT = TypeVar("CallableT", bound=Callable[..., Any])


def validate_repo_id(repo_id: str) -> None:
    """A folder such as /cache/models--org--name/snapshots/abc is not a repo id: it has more than one slash."""
    if not isinstance(repo_id, str):
        raise HFValidationError(f"Repo id must be a string, not {type(repo_id)}: '{repo_id}'.")
    if repo_id.count("/") > 1:
        raise HFValidationError(
            f"Repo id must be in the form 'repo_name' or 'namespace/repo_name': '{repo_id}'. "
            "Use `repo_type` argument if needed."
        )
    if not REPO_ID_REGEX.match(repo_id):
        raise HFValidationError(
            "Repo id must use alphanumeric chars, '-', '_' or '.'. "
            "The name cannot start or end with '-' or '.' and the "
            f"maximum length is 96: '{repo_id}'."
        )
    if "--" in repo_id or ".." in repo_id:
        raise HFValidationError(f"Cannot have -- or .. in repo_id: '{repo_id}'.")
    if repo_id.endswith(".git"):
        raise HFValidationError(f"Repo_id cannot end by '.git': '{repo_id}'.")


def validate_hf_hub_args(fn: CallableT) -> CallableT:
    signature = inspect.signature(fn)

    @wraps(fn)
    def _inner_fn(*args: Any, **kwargs: Any) -> Any:
        has_token = False
        for name, value in chain(zip(signature.parameters, args), kwargs.items()):
            if name in ("repo_id", "from_id", "to_id"):
                validate_repo_id(value)
            elif name == "token" and value is not None:
                has_token = True
        # pyannote.audio 3 still says `use_auth_token`: it becomes `token` unless a token is also given.
        use_auth_token = kwargs.pop("use_auth_token", None)
        if use_auth_token is not None and not has_token:
            kwargs["token"] = use_auth_token
        return fn(*args, **kwargs)

    return _inner_fn  # type: ignore[return-value]
