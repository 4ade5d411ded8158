"""Starts the web server (the public page, the staff console, the API): see assistant/interfaces/server.py."""

from assistant.config import quiet_offline_env

quiet_offline_env()  # before Gradio or Chroma read their environment

from assistant.interfaces.server import main  # noqa: E402

if __name__ == "__main__":
    main()
