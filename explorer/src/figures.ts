/**
 * Figures by claimant: each claimant's own figures for an event (killed, injured, captured,
 * missing; of whom; low–high, best or an approximate word), side by side and never summed, each
 * with the claim that states it. Shown when the event's answer carries them.
 */
import { h, humane } from './dom.js';
import type { NameLink } from './claim-view.js';
import { statusBadge } from './claim-view.js';
import type { ClaimantFigures, FigureDetail } from './queries.js';

/** "10", "10–46 (best 20)", "dozens": the figure as the claim states it; nothing invented. */
export function figureText(f: FigureDetail): string {
  const range =
    f.low !== null || f.high !== null ? (f.low === f.high ? `${f.low}` : `${f.low ?? '?'}–${f.high ?? '?'}`) : '';
  const best = f.best !== null ? (range ? ` (best ${f.best})` : `${f.best}`) : '';
  const approximate = f.approximate ? `${range || best ? ' — ' : ''}“${f.approximate}”` : '';
  return `${range}${best}${approximate}` || 'no number';
}

export function figureSections(event: { figuresByClaimant?: ClaimantFigures[] }, name: NameLink): HTMLElement[] {
  const groups = event.figuresByClaimant;
  if (!groups) return [];
  return [
    h(
      'section',
      { class: 'figures' },
      h('h3', {}, 'Figures, by who states them'),
      groups.length
        ? h(
            'ul',
            {},
            groups.map((g) =>
              h(
                'li',
                {},
                h(
                  'p',
                  { class: 'claimant' },
                  'According to ',
                  g.claimant ? name(g.claimant.id, g.claimant.name) : h('strong', {}, 'nobody named'),
                ),
                h(
                  'ul',
                  {},
                  g.figures.map((f) =>
                    h(
                      'li',
                      { class: 'figure' },
                      h('strong', {}, figureText(f)),
                      ` ${humane(f.kind)}`,
                      f.of ? [' of ', name(f.of.id, f.of.name)] : f.group ? ` (${humane(f.group)})` : '',
                      ' ',
                      statusBadge(f.claim.status),
                      ' ',
                      name(f.claim.id, 'claim'),
                    ),
                  ),
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No claim states a figure for it.'),
    ),
  ];
}
