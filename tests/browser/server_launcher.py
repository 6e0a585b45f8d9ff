"""Run the ``openreel`` command line in this interpreter (the CLI module has no ``__main__``)."""

from openreel.cli.main import app

if __name__ == "__main__":
    app()
