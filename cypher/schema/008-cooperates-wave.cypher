// No index on the tie's wave, on purpose (an earlier version created one; this removes it). With it,
// the planner served `MERGE (a)-[r:COOPERATES_WITH {wave}]->(b)` (ties/merge) from the index and
// filtered the endpoints, reading every tie of the wave for every row: an import of 25 000 ties per
// wave ran for many minutes. Without it, both ends are found by id and the tie by expanding between
// them. Reading a wave scans the relationship type, which reading all ties of a wave costs anyway.
DROP INDEX cooperates_with_wave IF EXISTS
