// How many accounts there are, and how many of them are admins.
// Parameters: none. Returns: users, admins.
MATCH (u:User)
RETURN count(u) AS users, count(CASE WHEN u.role = 'admin' THEN 1 END) AS admins
