"""Small shared pieces of the desk window: date formatting, status colours, message boxes."""
