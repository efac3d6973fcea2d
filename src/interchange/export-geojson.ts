/**
 * GeoJSON (RFC 7946) of events, for QGIS and web maps: a FeatureCollection with a Point per event
 * at its place (or the nearest place above it with coordinates; no geometry when none has), and as
 * properties its type, time and precision, where, its claims' statuses and claimants, and its
 * figures by claimant (a JSON object QGIS shows as text; the flat fields filter and style).
 */
import type { Writable } from 'node:stream';
import type { DbScope } from '../graph/core/database.js';
import type { EventFilter } from '../graph/read/event.js';
import { eventPages } from '../graph/read/export.js';
import { eventView } from './event-view.js';
import { put } from './write-out.js';

export async function writeGeoJson(db: DbScope, filter: EventFilter, out: Writable): Promise<number> {
  await put(out, '{"type":"FeatureCollection","features":[');
  let count = 0;
  for await (const page of eventPages(db, filter)) {
    for (const e of page) {
      const v = eventView(e);
      const feature = {
        type: 'Feature',
        id: v.id,
        geometry: v.point ? { type: 'Point', coordinates: [v.point.longitude, v.point.latitude] } : null,
        properties: {
          id: v.id,
          type: v.type,
          subType: v.subType,
          start: v.start,
          end: v.end,
          timePrecision: v.timePrecision,
          timeLabel: v.timeLabel,
          geoPrecision: v.geoPrecision,
          placeId: v.place?.id ?? null,
          place: v.chain.slice().reverse().join(', '),
          description: v.description,
          status: v.status,
          statuses: v.statuses.join(', '),
          claimants: v.claimants.join('; '),
          sources: v.sources,
          independentOrigins: v.independentOrigins,
          figuresByClaimant: v.figuresByClaimant,
          participants: e.participants.map((p) => `${p.name} (${p.role})`).join('; '),
        },
      };
      await put(out, `${count === 0 ? '' : ','}\n${JSON.stringify(feature)}`);
      count += 1;
    }
  }
  await put(out, '\n]}\n');
  return count;
}
