/**
 * GraphML of the whole graph or of a node's neighbourhood (depth 1–3), for Gephi, yEd and
 * Cytoscape desktop: every actor, place, event, source and claim a node (its label, its kind of
 * node, its own kind or type, a status where it has one, coordinates where known), every
 * relationship between them an edge (its type, and the role and status of a fact edge). Written
 * in two passes, nodes then edges, a page at a time.
 */
import type { Writable } from 'node:stream';
import type { DbScope } from '../graph/core/database.js';
import { edgePages, type ExportNode, nodePages } from '../graph/read/export.js';
import { put } from './write-out.js';

const NODE_KEYS = [
  ['label', 'string'],
  ['node', 'string'],
  ['kind', 'string'],
  ['status', 'string'],
  ['start', 'string'],
  ['latitude', 'double'],
  ['longitude', 'double'],
] as const;
const EDGE_KEYS = [
  ['type', 'string'],
  ['role', 'string'],
  ['status', 'string'],
] as const;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Characters XML 1.0 cannot hold at all are dropped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const escape = (s: string) => s.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

function label(n: ExportNode): string {
  const p = n.props;
  const text = (p.name ?? p.title ?? p.text ?? p.description ?? n.id) as string;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function nodeData(n: ExportNode): Record<string, unknown> {
  const p = n.props;
  const location = p.location as { x?: number; y?: number } | null | undefined;
  return {
    label: label(n),
    node: n.label,
    kind: p.kind ?? p.type ?? null,
    status: p.status ?? null,
    start: p.startTime ? String(p.startTime) : null,
    latitude: location?.y ?? null,
    longitude: location?.x ?? null,
  };
}

const data = (values: Record<string, unknown>, prefix: string) =>
  Object.entries(values)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `<data key="${prefix}_${k}">${escape(String(v))}</data>`)
    .join('');

export async function writeGraphMl(db: DbScope, ids: readonly string[] | null, out: Writable): Promise<number> {
  await put(
    out,
    '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      NODE_KEYS.map(([k, t]) => `<key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>\n`).join('') +
      EDGE_KEYS.map(([k, t]) => `<key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>\n`).join('') +
      '<graph id="conflict-graph" edgedefault="directed">\n',
  );
  let nodes = 0;
  for await (const page of nodePages(db, ids)) {
    const text = page.map((n) => `<node id="${escape(n.id)}">${data(nodeData(n), 'n')}</node>\n`).join('');
    await put(out, text);
    nodes += page.length;
  }
  let edges = 0;
  for await (const page of edgePages(db, ids)) {
    const text = page
      .map(
        (e) =>
          `<edge id="e${edges++}" source="${escape(e.from)}" target="${escape(e.to)}">${data(
            { type: e.type, role: e.props.role ?? null, status: e.props.status ?? null },
            'e',
          )}</edge>\n`,
      )
      .join('');
    await put(out, text);
  }
  await put(out, '</graph>\n</graphml>\n');
  return nodes;
}
