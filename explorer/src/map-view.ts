/**
 * The map: the places in view and the events at them, on Natural Earth's country boundaries
 * (world-atlas, bundled: no tile server, no CDN, works offline), drawn with Leaflet. It is synced
 * with the graph through the page: a marker tapped here selects that node there, and a node
 * selected there is highlighted and brought into view here. An event whose place is only known
 * to a region, a circle or a country shows that uncertainty as a dashed circle of the area's
 * rough size.
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json';
import { eventKindName } from './labels.js';
import type { DrawnNode, GeoPoint, PlaceSummary } from './queries.js';

/** How far from its point a place of each kind may be (km): the uncertainty drawn around an event. */
export const PLACE_UNCERTAINTY_KM: Record<string, number> = {
  MILITARY_BASE: 1,
  TOWN: 5,
  AREA: 25,
  CIRCLE: 40,
  REGION: 150,
  COUNTRY: 400,
};
const IMPRECISE = 20;

interface Marked {
  id: string;
  marker: L.CircleMarker;
  area?: L.Circle;
  at: L.LatLng;
}

export class MapView {
  readonly map: L.Map;
  private readonly layer = L.layerGroup();
  private marked = new Map<string, Marked>();
  private selected: string | null = null;
  private hidden: ReadonlySet<string> = new Set();
  private autoFit = true;
  private fitting = false;

  constructor(
    container: HTMLElement,
    private readonly onSelect: (id: string) => void,
  ) {
    this.map = L.map(container, {
      center: [16, -2],
      zoom: 5,
      minZoom: 2,
      maxZoom: 11,
      worldCopyJump: true,
      // A keyboard user reaches the markers in the list of what is in view; the map pans with keys.
      keyboard: true,
    });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('Boundaries: Natural Earth');
    const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
    L.geoJSON(feature(topology, topology.objects.countries), {
      interactive: false,
      style: { color: '#8a939c', weight: 0.8, fillColor: '#eef1ec', fillOpacity: 1 },
    }).addTo(this.map);
    this.layer.addTo(this.map);
    // Leaflet measures its box only when told; the panel, a tab or the window can change it.
    // Until the analyst moves the map, a new box is fitted to the markers again.
    new ResizeObserver(() => {
      this.map.invalidateSize({ animate: false });
      if (this.autoFit) this.fit();
    }).observe(container);
    this.map.on('dragstart zoomstart', () => {
      if (!this.fitting) this.autoFit = false;
    });
  }

  /** The ids the map shows (places with a location, events at a place with one). */
  get shownIds(): string[] {
    return [...this.marked.keys()].filter((id) => !this.hidden.has(id));
  }

  /** Draws the nodes in view that have a place on Earth; fits the map to them when asked. */
  show(nodes: DrawnNode[], fit: boolean): void {
    this.layer.clearLayers();
    this.marked.clear();
    const atPlace = new Map<string, number>();
    for (const node of nodes) {
      if (node.type === 'PLACE' && node.node.location) this.addPlace(node, node.node.location);
    }
    for (const node of nodes) {
      const place = node.type === 'EVENT' ? node.node.place : null;
      if (!place?.location) continue;
      // Several events at one place: spread them a little around it, so each can be tapped.
      const nth = atPlace.get(place.id) ?? 0;
      atPlace.set(place.id, nth + 1);
      this.addEvent(node, place, nth);
    }
    this.applyHidden();
    this.highlight();
    if (fit) {
      this.autoFit = true;
      this.fit();
    }
  }

  /** Hides the markers of nodes the filters hide (a type switched off, outside the time range). */
  setHidden(hidden: ReadonlySet<string>): void {
    this.hidden = hidden;
    this.applyHidden();
  }

  select(id: string | null, centre: boolean): void {
    this.selected = id;
    this.highlight();
    const marked = id ? this.marked.get(id) : undefined;
    if (centre && marked && !this.hidden.has(marked.id)) this.map.panTo(marked.at, { animate: false });
  }

  fit(): void {
    // The box may have changed since Leaflet last measured it (a first layout, a tab shown).
    this.map.invalidateSize({ animate: false });
    const shown = this.shownIds.map((id) => this.marked.get(id)!);
    if (!shown.length || !this.map.getSize().x) return;
    // The markers and the areas of uncertainty around them, all in sight.
    const bounds = L.latLngBounds(shown.map((m) => m.at));
    for (const m of shown) if (m.area) bounds.extend(m.area.getBounds());
    this.fitting = true;
    this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7, animate: false });
    this.fitting = false;
  }

  private addPlace(node: DrawnNode, location: GeoPoint): void {
    const at = L.latLng(location.latitude, location.longitude);
    const marker = L.circleMarker(at, {
      radius: 6,
      color: '#ffffff',
      weight: 2,
      fillColor: '#1e6b43',
      fillOpacity: 1,
      className: 'map-place',
    }).bindTooltip(node.label, { direction: 'right', offset: [6, 0], permanent: true, className: 'place-label' });
    this.track(node.id, marker, at);
  }

  private addEvent(node: DrawnNode, place: PlaceSummary, nth: number): void {
    const location = place.location!;
    // A small offset per event at the same place (about 1 km), so stacked events stay apart.
    const angle = nth * 2.399963;
    const shift = nth ? 0.01 * Math.sqrt(nth) : 0;
    const at = L.latLng(location.latitude + shift * Math.sin(angle), location.longitude + shift * Math.cos(angle));
    const km = PLACE_UNCERTAINTY_KM[place.kind] ?? IMPRECISE;
    const what = eventKindName(node.node.type ?? '', node.node.subType);
    const where = km > 5 ? `${place.name} (place known to about ${km} km)` : place.name;
    const marker = L.circleMarker(at, {
      radius: 8,
      color: '#ffffff',
      weight: 2,
      fillColor: '#a34f00',
      fillOpacity: 1,
      className: 'map-event',
    }).bindTooltip(`${what} — ${node.node.time?.label ?? 'time unknown'} — ${where}`);
    const area =
      km > 5
        ? L.circle(L.latLng(location.latitude, location.longitude), {
            radius: km * 1000,
            color: '#a34f00',
            weight: 1.5,
            dashArray: '6 4',
            fillColor: '#a34f00',
            fillOpacity: 0.08,
            interactive: false,
            className: 'map-uncertainty',
          })
        : undefined;
    this.track(node.id, marker, at, area);
  }

  private track(id: string, marker: L.CircleMarker, at: L.LatLng, area?: L.Circle): void {
    marker.on('click', () => this.onSelect(id));
    const marked: Marked = { id, marker, at, ...(area ? { area } : {}) };
    this.marked.set(id, marked);
    if (area) this.layer.addLayer(area);
    this.layer.addLayer(marker);
    marker.getElement?.()?.setAttribute('data-id', id);
  }

  private applyHidden(): void {
    for (const marked of this.marked.values()) {
      const hide = this.hidden.has(marked.id);
      for (const layer of [marked.marker, marked.area]) {
        if (!layer) continue;
        if (hide) this.layer.removeLayer(layer);
        else if (!this.layer.hasLayer(layer)) this.layer.addLayer(layer);
      }
      marked.marker.getElement()?.setAttribute('data-id', marked.id);
    }
  }

  private highlight(): void {
    for (const marked of this.marked.values()) {
      const chosen = marked.id === this.selected;
      marked.marker.setStyle({ color: chosen ? '#111111' : '#ffffff', weight: chosen ? 4 : 2 });
      marked.marker.setRadius(chosen ? 11 : marked.marker.options.className === 'map-place' ? 6 : 8);
      if (chosen) marked.marker.bringToFront();
      marked.marker.getElement()?.classList.toggle('map-chosen', chosen);
    }
  }
}
