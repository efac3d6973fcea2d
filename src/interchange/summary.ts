/** The import's summary as the CLI prints it: counts first, then what was created and refused. */
import type { FirstLoadPhases } from './first-load.js';
import type { DeletionsSummary, ImportSummary } from './import-dataset.js';

const LISTED_ACTORS = 50;

export function formatSummary(s: ImportSummary & { phases?: FirstLoadPhases }): string {
  const p = s.phases;
  const lines = [
    `Read ${s.rowsRead} rows in ${s.seconds.toFixed(1)} s (${Math.round(s.rowsRead / Math.max(s.seconds, 0.001))} rows/s).`,
    ...(p
      ? [
          `First load: files ${p.files.toFixed(1)} s, engine stop ${p.stop.toFixed(1)} s, importer ${p.importer.toFixed(1)} s, start ${p.start.toFixed(1)} s, indexes ${p.indexes.toFixed(1)} s.`,
        ]
      : []),
    `Events: ${s.eventsCreated} created, ${s.eventsUpdated} updated, ${s.eventsUnchanged} unchanged.`,
    `Actors: ${s.actorsCreated.length} created, ${s.actorsMatched} matched. Places: ${s.placesCreated} created, ${s.placesMatched} matched. Sources: ${s.sourcesCreated} created, ${s.sourcesMatched} matched.`,
  ];
  if (s.actorsCreated.length > 0) {
    lines.push('New actors (map them to existing ones with --mapping FILE if they are):');
    for (const a of s.actorsCreated.slice(0, LISTED_ACTORS)) lines.push(`  ${a.name} → ${a.id}`);
    if (s.actorsCreated.length > LISTED_ACTORS) lines.push(`  … and ${s.actorsCreated.length - LISTED_ACTORS} more`);
  }
  if (s.ignoredMappings.length > 0) {
    lines.push('Mapping entries naming no existing record (ignored):');
    for (const m of s.ignoredMappings) lines.push(`  ${m}`);
  }
  lines.push(`Rows refused: ${s.rowsRefused}.`);
  for (const r of s.refused) lines.push(`  line ${r.line}${r.key ? ` (${r.key})` : ''}: ${r.reason}`);
  if (s.rowsRefused > s.refused.length) lines.push(`  … and ${s.rowsRefused - s.refused.length} more`);
  return lines.join('\n');
}

export function formatDeletions(d: DeletionsSummary): string {
  return `Deletions: ${d.idsRead} ids read; ${d.claimsRetracted} claims about ${d.eventsRetracted} events retracted.`;
}
