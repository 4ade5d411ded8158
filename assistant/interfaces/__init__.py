"""The thin layers over the one `Assistant`: the command line, the web pages, the HTTP APIs, the widget."""
