"""The window of MentorDesk: Qt only. Views call services; they never build SQL."""
