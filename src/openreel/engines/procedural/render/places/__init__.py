"""Places: every setting's backdrop as data (a family of layers plus set dressing) and the
painters that turn that data into the sky, far, mid and near layers of a shot."""
