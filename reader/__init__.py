"""reader: a terminal reader for long articles and reports, Chinese and English."""

__version__ = "0.1.0"
