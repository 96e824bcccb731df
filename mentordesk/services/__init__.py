"""Use cases of MentorDesk: plain functions over the database, no Qt."""
