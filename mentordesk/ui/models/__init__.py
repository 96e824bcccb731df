"""Models of the MentorDesk window."""
