"""Test stand-in for IndicTransToolkit 1.1.1: IndicProcessor, imported from the package as its README does.
See IndicTransToolkit.processor."""

from IndicTransToolkit.processor import IndicProcessor

__version__ = "1.1.1"
__all__ = ["IndicProcessor", "__version__"]
