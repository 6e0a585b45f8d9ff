"""The procedural engine: physics → renderer → foley, ambience, music and speech. CPU only."""
