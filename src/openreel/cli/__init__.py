"""The command line: ``openreel``."""
