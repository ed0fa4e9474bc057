import type {
  GroupProblem,
  InterchangeIdentity,
  InterchangeProblem,
} from '../acknowledgment/acknowledgment.types';
import type { GroupHeader } from './read-x12-envelope';

/**
 * What a transaction-set reader (837, 834) yields, whatever its sets hold: the envelope's events around each set read
 * to its SE. `TGroup` is what a reader adds to a functional group's event (the 837's claim kind).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no addition by default
export type InterchangeEvent<TSet, TGroup extends object = {}> =
  | {
      readonly kind: 'interchange';
      readonly identity: InterchangeIdentity;
      readonly problems: readonly InterchangeProblem[];
      readonly readable: boolean;
    }
  | ({
      readonly kind: 'group';
      readonly header: GroupHeader;
      readonly problems: readonly GroupProblem[];
    } & TGroup)
  | { readonly kind: 'set'; readonly set: TSet }
  | {
      readonly kind: 'group-end';
      readonly problems: readonly GroupProblem[];
      readonly sets: number;
      readonly declared?: number;
    }
  | {
      readonly kind: 'interchange-end';
      readonly problems: readonly InterchangeProblem[];
      readonly complete: boolean;
    };
