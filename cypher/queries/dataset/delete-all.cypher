// Removes the whole dataset (used by import --replace, inside the import's transaction).
// Import records are history and stay. Parameters: none. Returns: deleted.
MATCH (n)
WHERE n:Organization OR n:Wave OR n:Event OR n:Dataset
DETACH DELETE n
RETURN count(n) AS deleted
