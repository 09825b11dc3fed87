// Counts a failed sign-in; at $maxFailures consecutive failures the account is locked until
// $lockedUntil and the count starts again. Parameters: $name, $maxFailures, $lockedUntil (ISO datetime).
// Returns: failedLogins, locked (true when this failure locked the account).
MATCH (u:User {name: $name})
WITH u, coalesce(u.failedLogins, 0) + 1 AS failures
SET u.failedLogins = CASE WHEN failures >= $maxFailures THEN 0 ELSE failures END,
    u.lockedUntil = CASE WHEN failures >= $maxFailures THEN datetime($lockedUntil) ELSE u.lockedUntil END
RETURN failures AS failedLogins, failures >= $maxFailures AS locked
