"""huggingface_hub's errors for a model that is not there or cannot be reached, with the real class hierarchy."""


class OfflineModeIsEnabled(ConnectionError):
    pass


class HfHubHTTPError(Exception):
    pass


class HFValidationError(ValueError):
    pass


class RepositoryNotFoundError(HfHubHTTPError):
    pass


class GatedRepoError(RepositoryNotFoundError):
    pass


class RevisionNotFoundError(HfHubHTTPError):
    pass


class EntryNotFoundError(HfHubHTTPError):
    pass


class LocalEntryNotFoundError(EntryNotFoundError, FileNotFoundError, ValueError):
    pass
