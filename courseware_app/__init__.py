"""Offline desktop courseware viewer for the regional customs risk-management curriculum."""

APP_ID = "courseware"
APP_NAME = "Courseware"
ORG_NAME = "courseware"
__version__ = "0.1.0"
