"""Consult Desk: reservation desk for online public-service consultations.

This package (outside ``ui/``) is the domain and the services; it never imports Qt.
"""

__version__ = "0.1.0"
