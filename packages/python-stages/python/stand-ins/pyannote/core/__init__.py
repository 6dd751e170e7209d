"""Test stand-in for pyannote.core: Segment and an Annotation whose tracks iterate in time order."""

from typing import Dict, Iterator, NamedTuple, Tuple, Union


class Segment(NamedTuple):
    start: float
    end: float


class Annotation:
    def __init__(self) -> None:
        self._tracks: Dict[Tuple[Segment, str], str] = {}

    def __setitem__(self, key: Tuple[Segment, str], label: str) -> None:
        self._tracks[key] = label

    def itertracks(self, yield_label: bool = False) -> Iterator[Union[Tuple[Segment, str], Tuple[Segment, str, str]]]:
        for (segment, track), label in sorted(self._tracks.items()):
            yield (segment, track, label) if yield_label else (segment, track)
