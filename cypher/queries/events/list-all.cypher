// Events by date. Parameters: none. Returns: id, name, type, date, endDate, city, attendees.
MATCH (e:Event)
RETURN e.id AS id, e.name AS name, e.type AS type, toString(e.date) AS date,
       toString(e.endDate) AS endDate, e.city AS city, COUNT { (:Organization)-[:ATTENDED]->(e) } AS attendees
ORDER BY e.date, e.id
