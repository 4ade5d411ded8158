"""What staff and the help desk use: lookup tables, triage, feedback."""
