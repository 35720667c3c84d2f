"""Documents students attach to their claims: upload checks first (``uploads``)."""
