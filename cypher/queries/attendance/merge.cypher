// Parameters: $rows [{organization, event}]. Returns: count.
UNWIND $rows AS row
MATCH (o:Organization {id: row.organization}), (e:Event {id: row.event})
MERGE (o)-[a:ATTENDED]->(e)
RETURN count(a) AS count
