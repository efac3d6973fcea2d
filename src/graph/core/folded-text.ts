/**
 * Folded copies of the text the list filters match, stored beside it: Claim.foldedText (text and
 * quote) and Source.foldedTitle, each as foldText (src/domain/names.ts) makes it. Every writer of
 * those properties sets them through these functions (write/claim.ts, write/source.ts, the bulk
 * loader); migrations.ts fills them in once for nodes written before they existed. A TEXT index on
 * each serves `CONTAINS`, so "Lere" and "Léré" find the same claims without folding per row.
 */
import { foldText } from '../../domain/names.js';

/** The folded properties of a claim, to set with its text and quote. */
export const claimFolded = (text: string, quote: string | null | undefined) => ({ foldedText: foldText(text, quote) });

/** The folded properties of a source, to set with its title. */
export const sourceFolded = (title: string) => ({ foldedTitle: foldText(title) });

type Texts = Record<string, string | null>;

/** For the backfill: each label's folded property, the properties it folds, and how. */
export const FOLDED_TEXT: readonly { label: string; property: string; read: string; fold: (t: Texts) => string }[] = [
  {
    label: 'Claim',
    property: 'foldedText',
    read: 'n.text AS text, n.quote AS quote',
    fold: (t) => claimFolded(t.text ?? '', t.quote).foldedText,
  },
  {
    label: 'Source',
    property: 'foldedTitle',
    read: 'n.title AS title',
    fold: (t) => sourceFolded(t.title ?? '').foldedTitle,
  },
];
