/**
 * Look-ahead into a resolver's selection: the fields a client asked for below the field being
 * resolved, through fragments and @skip/@include, so a batch query reads what will be returned
 * (a count only when `totalCount` is selected, a nested level in the same statement when it is
 * selected) and nothing more. Type conditions are not checked: a field under a fragment on
 * another type counts as selected, which costs a little over-fetching, never a missing value.
 */
import {
  type FieldNode,
  getDirectiveValues,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  Kind,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

/** What the look-ahead needs of a resolver's info: its fragments and variables. */
export type SelectionScope = Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>;

function included(scope: SelectionScope, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, scope.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, scope.variableValues);
  return include?.if !== false;
}

/** Visits each field selected directly in `set`, through fragments, skipping what @skip/@include leave out. */
function eachField(scope: SelectionScope, set: SelectionSetNode | undefined, visit: (field: FieldNode) => void): void {
  for (const selection of set?.selections ?? []) {
    if (!included(scope, selection)) continue;
    if (selection.kind === Kind.FIELD) visit(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) eachField(scope, selection.selectionSet, visit);
    else eachField(scope, scope.fragments[selection.name.value]?.selectionSet, visit);
  }
}

/** The nodes of the fields named `path[0]` below `nodes`, then `path[1]` below those, and so on. */
export function fieldsBelow(scope: SelectionScope, nodes: readonly FieldNode[], ...path: string[]): FieldNode[] {
  return path.reduce<FieldNode[]>(
    (level, name) => {
      const next: FieldNode[] = [];
      for (const node of level) {
        eachField(scope, node.selectionSet, (field) => {
          if (field.name.value === name) next.push(field);
        });
      }
      return next;
    },
    [...nodes],
  );
}

/** Whether the client selected the field at `path` below the field being resolved. */
export function selects(info: GraphQLResolveInfo, ...path: string[]): boolean {
  return fieldsBelow(info, info.fieldNodes, ...path).length > 0;
}

/** The names of the fields selected below `nodes`, and of their own fields as 'time.start'. */
export function fieldPaths(scope: SelectionScope, nodes: readonly FieldNode[]): Set<string> {
  const paths = new Set<string>();
  for (const node of nodes) {
    eachField(scope, node.selectionSet, (field) => {
      paths.add(field.name.value);
      eachField(scope, field.selectionSet, (child) => paths.add(`${field.name.value}.${child.name.value}`));
    });
  }
  return paths;
}

/** Field nodes grouped by the key they answer under (the alias, else the name). */
export function byResponseKey(nodes: readonly FieldNode[]): FieldNode[][] {
  const groups = new Map<string, FieldNode[]>();
  for (const node of nodes) {
    const key = node.alias?.value ?? node.name.value;
    groups.set(key, [...(groups.get(key) ?? []), node]);
  }
  return [...groups.values()];
}

/**
 * The arguments of a field selected below the one being resolved (the nodes of one response key
 * carry the same arguments: validation sees to it), defaults applied and a single value given
 * for a list argument wrapped in a list, as graphql-js coerces them. Read from the syntax tree
 * without graphql-js's type checks, which rely on `instanceof` and fail when the schema was built
 * by another copy of graphql (Vitest loads its ES module build beside Apollo's CommonJS one);
 * enough for the enum, Int, String and Boolean arguments the look-ahead reads.
 */
export function argumentsOf(
  scope: SelectionScope,
  definition: GraphQLField<unknown, unknown>,
  node: FieldNode,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of definition.args) {
    const given = node.arguments?.find((a) => a.name.value === arg.name);
    let value = given ? valueFromASTUntyped(given.value, scope.variableValues) : undefined;
    if (value === undefined) value = arg.defaultValue;
    if (value !== undefined && value !== null && String(arg.type).startsWith('[') && !Array.isArray(value)) {
      value = [value];
    }
    if (value !== undefined) values[arg.name] = value;
  }
  return values;
}
