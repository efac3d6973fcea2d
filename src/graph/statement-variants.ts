/**
 * Statements built per variant (which reads and predicates a request needs), each built once and
 * kept: a handful of constant texts, so Neo4j plans each once and the plan cache keeps hitting.
 */
export function statementVariants<Shape>(
  keyOf: (shape: Shape) => readonly unknown[],
  build: (shape: Shape) => string,
): (shape: Shape) => string {
  const built = new Map<string, string>();
  return (shape) => {
    const key = keyOf(shape).join();
    let statement = built.get(key);
    if (statement === undefined) built.set(key, (statement = build(shape)));
    return statement;
  };
}
