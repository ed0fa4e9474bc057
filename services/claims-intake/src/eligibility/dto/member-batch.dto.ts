import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject } from 'class-validator';
import { MAX_BATCH_SIZE } from '../../intake/dto/claim-batch.dto';

/** Body of POST /v1/members/batch: each member is validated on its own. */
export class MemberBatchRequest {
  @ApiProperty({
    description: `1 to ${MAX_BATCH_SIZE} members (schema MemberRecord)`,
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @IsObject({ each: true })
  members!: Array<Record<string, unknown>>;
}
