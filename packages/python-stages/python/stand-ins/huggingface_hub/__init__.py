"""Test stand-in for huggingface_hub: only the errors the other stand-ins raise."""
