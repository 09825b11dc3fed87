// First step of publishing: the live dataset's nodes lose their labels and become :Retired, so no
// query sees them any more (their relationships go with them). Runs in the publish transaction.
// Parameters: none. Returns: retired.
MATCH (n)
WHERE n:Organization OR n:Wave OR n:Event
REMOVE n:Organization:Wave:Event
SET n:Retired
RETURN count(n) AS retired
