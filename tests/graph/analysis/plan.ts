/** The operators of a statement's plan (EXPLAIN: planned, not run), to pin how Neo4j answers it. */
import type { Database } from '../../../src/graph/core/database.js';

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function walk(plan: PlanNode, visit: (p: PlanNode) => void): void {
  visit(plan);
  for (const child of plan.children) walk(child, visit);
}

/** Operator names without the "@neo4j" suffix, e.g. ["ProduceResults", "ShortestPath", …]. */
export async function planOperators(
  db: Database,
  statement: string,
  params: Record<string, unknown>,
): Promise<string[]> {
  return (await planDetails(db, statement, params)).map((p) => p.operator);
}

/** One operator: its name, details line (index, predicates) and, when profiled, rows and db hits. */
export interface PlanStep {
  operator: string;
  details: string;
  rows: number;
  dbHits: number;
}

/** Each operator of the plan, or of the profile (the statement is run) with PROFILE. */
export async function planDetails(
  db: Database,
  statement: string,
  params: Record<string, unknown>,
  mode: 'EXPLAIN' | 'PROFILE' = 'EXPLAIN',
): Promise<PlanStep[]> {
  const result = await db.driver.executeQuery(`${mode} ${statement}`, params, { database: db.name });
  const plan = (result.summary.profile || result.summary.plan) as unknown as PlanNode;
  const found: PlanStep[] = [];
  walk(plan, (p) =>
    found.push({
      operator: p.operatorType.replace(/@.*$/, ''),
      details: String(p.arguments.Details ?? ''),
      rows: Number((p as unknown as { rows?: number }).rows ?? 0),
      dbHits: Number((p as unknown as { dbHits?: number }).dbHits ?? 0),
    }),
  );
  return found;
}
