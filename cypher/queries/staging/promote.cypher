// Second step of publishing: the staged nodes of import $importId take the live labels (their
// relationships were created live-shaped, so they become visible with them). Runs in the publish
// transaction, right after staging/retire-live. Parameters: $importId. Returns: organizations, waves, events.
CALL {
  MATCH (o:StagedOrganization {importId: $importId})
  REMOVE o:StagedOrganization, o.importId
  SET o:Organization
  RETURN count(o) AS organizations
}
CALL {
  MATCH (w:StagedWave {importId: $importId})
  REMOVE w:StagedWave, w.importId
  SET w:Wave
  RETURN count(w) AS waves
}
CALL {
  MATCH (e:StagedEvent {importId: $importId})
  REMOVE e:StagedEvent, e.importId
  SET e:Event
  RETURN count(e) AS events
}
RETURN organizations, waves, events
