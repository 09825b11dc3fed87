// Changes an account's role. Parameters: $name, $role. Returns: name, previous (the old role).
MATCH (u:User {name: $name})
WITH u, u.role AS previous
SET u.role = $role
RETURN u.name AS name, previous
