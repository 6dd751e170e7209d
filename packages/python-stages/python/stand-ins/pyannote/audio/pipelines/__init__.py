from pyannote.audio.pipelines.speaker_diarization import SpeakerDiarization

__all__ = ["SpeakerDiarization"]
