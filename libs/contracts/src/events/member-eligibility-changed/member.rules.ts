import { ValidateBy, type ValidationArguments } from 'class-validator';
import { RELATIONSHIPS } from './member.enums';

/** Constraint name of {@link IsConsistentSubscriberId}. */
export const IS_CONSISTENT_SUBSCRIBER_ID = 'isConsistentSubscriberId';

/**
 * subscriberId is the covered employee's member id: equal to memberId when relationship is `subscriber`,
 * different from it for a dependent. Reported on subscriberId; skipped while relationship is unknown.
 */
export function IsConsistentSubscriberId(): PropertyDecorator {
  const isSubscriber = (args: ValidationArguments): boolean =>
    (args.object as Record<string, unknown>)['relationship'] === 'subscriber';
  return ValidateBy({
    name: IS_CONSISTENT_SUBSCRIBER_ID,
    validator: {
      validate: (value: unknown, args?: ValidationArguments): boolean => {
        if (args === undefined || typeof value !== 'string') return true;
        const member = args.object as Record<string, unknown>;
        const relationship = member['relationship'];
        if (!RELATIONSHIPS.some((known) => known === relationship) || typeof member['memberId'] !== 'string')
          return true;
        return isSubscriber(args) ? value === member['memberId'] : value !== member['memberId'];
      },
      defaultMessage: (args?: ValidationArguments): string =>
        args !== undefined && isSubscriber(args)
          ? '$property must equal memberId when relationship is subscriber'
          : '$property must differ from memberId when relationship is not subscriber',
    },
  });
}
