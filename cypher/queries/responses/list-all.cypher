// Parameters: none. Returns: organization, wave, status.
MATCH (o:Organization)-[r:RESPONDED]->(w:Wave)
RETURN o.id AS organization, w.id AS wave, r.status AS status
ORDER BY w.id, o.id
