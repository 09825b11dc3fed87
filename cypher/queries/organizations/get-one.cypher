// One organization with its ties per wave (both directions) and the events it attended.
// Parameters: $id. Returns: organization (map), ties [{wave, direction, partner, partnerName, partnerKind, level}], events [{id, name, type, date, endDate, city}].
MATCH (o:Organization {id: $id})
CALL {
  WITH o
  OPTIONAL MATCH (o)-[r:COOPERATES_WITH]-(p:Organization)
  WITH r, p, CASE WHEN startNode(r) = o THEN 'reported' ELSE 'received' END AS direction
  ORDER BY r.wave, p.id
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {wave: r.wave, direction: direction, partner: p.id,
         partnerName: p.name, partnerKind: p.kind, level: r.level} END) AS ties
}
CALL {
  WITH o
  OPTIONAL MATCH (o)-[:ATTENDED]->(e:Event)
  WITH e ORDER BY e.date, e.id
  RETURN collect(CASE WHEN e IS NULL THEN null ELSE {id: e.id, name: e.name, type: e.type,
         date: toString(e.date), endDate: toString(e.endDate), city: e.city} END) AS events
}
RETURN o {.id, .name, .kind, .type, .city, .district, .focus, .refugeeLed, .founded, .extra} AS organization,
       ties, events
