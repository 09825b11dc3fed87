// Ending every session of an account (password change, deletion) finds them by user.
CREATE INDEX session_user IF NOT EXISTS FOR (s:Session) ON (s.user)
