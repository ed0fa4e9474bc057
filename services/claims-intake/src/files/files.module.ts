import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { ClaimFilesController } from './claim-files.controller';

/** Claims delivered as CSV files. */
@Module({ imports: [IntakeModule], controllers: [ClaimFilesController] })
export class FilesModule {}
