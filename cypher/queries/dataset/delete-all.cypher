// Removes the whole dataset (used by import --replace, inside the import's transaction).
// Import records are history and stay. The (:Dataset) singleton stays too: write-info then bumps its
// version, so results cached by version can never be served for the replaced data.
// Parameters: none. Returns: deleted.
MATCH (n)
WHERE n:Organization OR n:Wave OR n:Event
DETACH DELETE n
RETURN count(n) AS deleted
