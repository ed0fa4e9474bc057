import { IsString, Length } from 'class-validator';
import { IsNpi } from '../../validators/npi.validator';
import { IsTin } from '../../validators/tin.validator';
import { OptionalField } from '../../validators/optional-field.validator';

/**
 * CONTRACT: a provider on a claim (billing provider) or on a member (attributed PCP).
 * `npi` carries a Luhn check digit; `tin` is 9 digits without a dash.
 */
export class ProviderRef {
  @IsNpi()
  npi!: string;

  @IsTin()
  tin!: string;

  @OptionalField()
  @IsString()
  @Length(1, 200)
  name?: string;
}

/** CONTRACT: the rendering provider of a claim; as {@link ProviderRef}, but the TIN is optional. */
export class RenderingProviderRef {
  @IsNpi()
  npi!: string;

  @OptionalField()
  @IsTin()
  tin?: string;

  @OptionalField()
  @IsString()
  @Length(1, 200)
  name?: string;
}
