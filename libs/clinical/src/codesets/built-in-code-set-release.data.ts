import type { DrugClass } from '../conditions/drug-class.types';
import { NDC_DRUG_CLASSES, NDC_DRUG_CLASSES_VERSION } from '../conditions/ndc-drug-classes.data';
import type { CodeSetRelease } from './code-set-release.types';

/** The release services run with when none is loaded: the seed NDC table and the rules' built-in code lists. */
export const BUILT_IN_CODE_SET_RELEASE: CodeSetRelease = {
  id: `built-in-${NDC_DRUG_CLASSES_VERSION}`,
  drugClasses: new Map<string, DrugClass>(Object.entries(NDC_DRUG_CLASSES)),
  codeLists: [],
};
