/** What the row mappers add to the dataset record (src/graph/bulk/dataset-record.ts): their refusals. */
export type { RowRefusal } from '../graph/bulk/dataset-record.js';

/** Thrown by a row mapper for a value the codebook does not allow; becomes the row's refusal. */
export class RowError extends Error {}
