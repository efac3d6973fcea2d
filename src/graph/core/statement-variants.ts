/**
 * Statements built per variant (which reads, predicates and projected properties a request
 * needs), each built once and kept: a handful of constant texts in practice, so Neo4j plans each
 * once and the plan cache keeps hitting. At most MAX_KEPT are kept; clients sending ever new
 * selections get theirs built each time rather than growing the map.
 */
const MAX_KEPT = 500;

export function statementVariants<Shape>(
  keyOf: (shape: Shape) => readonly unknown[],
  build: (shape: Shape) => string,
): (shape: Shape) => string {
  const built = new Map<string, string>();
  return (shape) => {
    const key = keyOf(shape).join();
    let statement = built.get(key);
    if (statement === undefined) {
      statement = build(shape);
      if (built.size < MAX_KEPT) built.set(key, statement);
    }
    return statement;
  };
}
