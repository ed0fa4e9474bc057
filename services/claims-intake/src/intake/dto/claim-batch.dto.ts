import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject } from 'class-validator';

/** Largest batch accepted by POST /v1/claims/batch and /v1/members/batch. */
export const MAX_BATCH_SIZE = 1000;

/** Body of POST /v1/claims/batch: each item is validated on its own, so one bad claim fails only itself. */
export class ClaimBatchRequest {
  @ApiProperty({
    description: `1 to ${MAX_BATCH_SIZE} claims (schema ClaimSubmission)`,
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @IsObject({ each: true })
  claims!: Array<Record<string, unknown>>;
}
