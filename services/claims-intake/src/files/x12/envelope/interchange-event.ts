import type { EnvelopeItem } from './read-x12-envelope';

type Item<K extends EnvelopeItem['kind']> = Extract<EnvelopeItem, { readonly kind: K }>;

/**
 * What a transaction-set reader (837, 834) yields, whatever its sets hold: the envelope reader's own items around each
 * set read to its SE (the ISA without its delimiters, which only the reader needs). `TGroup` is what a reader adds to
 * a functional group's item (the 837's claim kind).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no addition by default
export type InterchangeEvent<TSet, TGroup extends object = {}> =
  | Omit<Item<'interchange'>, 'delimiters'>
  | (Item<'group'> & TGroup)
  | { readonly kind: 'set'; readonly set: TSet }
  | Item<'group-end'>
  | Item<'interchange-end'>;
