// Parameters: none. Returns: organization, event.
MATCH (o:Organization)-[:ATTENDED]->(e:Event)
RETURN o.id AS organization, e.id AS event
ORDER BY o.id, e.id
