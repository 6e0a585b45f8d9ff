"""Server-rendered pages at /, with a little vanilla JavaScript."""
