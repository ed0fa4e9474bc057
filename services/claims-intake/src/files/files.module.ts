import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { ClaimFilesController } from './claim-files.controller';
import { ClaimX12FilesController } from './claim-x12-files.controller';
import { X12ClaimIntakeService } from './x12/intake/x12-claim-intake.service';

/** Claims delivered as files: claims CSV and X12 837. */
@Module({
  imports: [IntakeModule],
  controllers: [ClaimFilesController, ClaimX12FilesController],
  providers: [X12ClaimIntakeService],
})
export class FilesModule {}
