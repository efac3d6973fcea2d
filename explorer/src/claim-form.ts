/**
 * The researcher's add-claim form: it sends the claim as a report of one (enterReport) as any
 * client would, with an idempotency key, and shows the API's answer — the new claim, or each
 * error with its message and code, exactly as stated. Sending the same form again (a double
 * click, a retry after a lost answer) reuses the key, so the claim is written once; a changed
 * form gets a new key.
 */
import { apiKey, graphql } from './api.js';
import { h } from './dom.js';
import { problemList } from './details-panel.js';
import { ADD_CLAIM, type DrawnNode, type NodeType } from './queries.js';

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** An actor named by id ("actor:…") or by name or alias. */
const actorRef = (text: string): Record<string, string> =>
  text.trim().startsWith('actor:') ? { id: text.trim() } : { name: text.trim() };

/** What the claim is about, grouped by the kind of node each id names (known from the drawing). */
function aboutInput(ids: string[], typeOf: (id: string) => NodeType | undefined): Record<string, unknown> | undefined {
  if (!ids.length) return undefined;
  const about: { actors: { id: string }[]; places: { id: string }[]; eventIds: string[]; claimIds: string[] } = {
    actors: [],
    places: [],
    eventIds: [],
    claimIds: [],
  };
  for (const id of ids) {
    const type = typeOf(id) ?? id.split(':')[0]?.toUpperCase();
    if (type === 'ACTOR') about.actors.push({ id });
    else if (type === 'PLACE') about.places.push({ id });
    else if (type === 'CLAIM') about.claimIds.push(id);
    else about.eventIds.push(id);
  }
  return Object.fromEntries(Object.entries(about).filter(([, v]) => v.length));
}

export class ClaimForm {
  private readonly result: HTMLElement;
  private sent: { input: string; key: string } | null = null;

  constructor(
    private readonly form: HTMLFormElement,
    keyInput: HTMLInputElement,
    private readonly typeOf: (id: string) => NodeType | undefined,
    private readonly onAdded: () => void,
  ) {
    this.result = form.querySelector<HTMLElement>('#claim-result') ?? h('div');
    keyInput.value = apiKey.get();
    keyInput.addEventListener('change', () => apiKey.set(keyInput.value));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      apiKey.set(keyInput.value);
      void this.submit();
    });
  }

  /** Puts a node into the form: a source into the source ids, anything else into "about". */
  use(node: DrawnNode): void {
    const field = this.field(node.type === 'SOURCE' ? 'sourceIds' : 'about');
    const ids = list(field.value);
    if (!ids.includes(node.id)) field.value = [...ids, node.id].join(', ');
    (this.form.closest('details') as HTMLDetailsElement | null)?.setAttribute('open', '');
  }

  private field(name: string): HTMLInputElement {
    return this.form.elements.namedItem(name) as HTMLInputElement;
  }

  private async submit(): Promise<void> {
    const quote = this.field('quote').value.trim();
    const input = {
      text: this.field('text').value,
      ...(quote ? { quote } : {}),
      assertedBy: actorRef(this.field('assertedBy').value),
      sourceIds: list(this.field('sourceIds').value),
      notIndependentlyVerified: this.field('notIndependentlyVerified').checked,
      about: aboutInput(list(this.field('about').value), this.typeOf),
    };
    const written = JSON.stringify(input);
    if (this.sent?.input !== written) this.sent = { input: written, key: `explorer-${crypto.randomUUID()}` };
    this.result.replaceChildren(h('p', { class: 'muted' }, 'Sending…'));
    try {
      const { enterReport } = await graphql(ADD_CLAIM, {
        input: { idempotencyKey: this.sent.key, claims: [input] },
      });
      const claim = enterReport.claims[0]!;
      this.result.replaceChildren(
        h('p', { class: 'added' }, `Added ${claim.id} (status ${claim.node?.status ?? 'unknown'}).`),
      );
      this.onAdded();
    } catch (error) {
      this.result.replaceChildren(problemList(error));
    }
  }
}
