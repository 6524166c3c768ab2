"""`rktc import`: an existing RKT (Word or its text export) into a plan in the published form."""
