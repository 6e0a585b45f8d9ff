"""Cameos: a person's capture checked for liveness, their face and voice taken from it,
and what may be done with them.

``challenge`` issues what a recording must answer, ``capture`` reads the recording,
``liveness`` checks it and takes the likeness (``faces`` and ``voice`` hold the models).
"""
