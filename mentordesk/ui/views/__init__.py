"""Views of the MentorDesk window."""
