import { IsMemberId, OptionalField } from '@care/contracts';

/** Body of `POST /v1/identification/reruns`: one member, or everyone when `memberId` is absent. */
export class RerunRequest {
  @OptionalField()
  @IsMemberId()
  memberId?: string;
}
