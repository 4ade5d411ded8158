"""Thin layers over the Assistant: the command line and the pieces the web app renders."""
