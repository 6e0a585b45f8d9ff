"""The gallery: a fixed list of prompts rendered into one contact sheet."""
