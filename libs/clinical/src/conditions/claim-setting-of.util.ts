import type { ClaimSetting } from './condition-rule.types';

/** The claim fields that decide the setting (as on claim submissions in @care/contracts). */
export interface ClaimSettingInput {
  readonly claimType: 'institutional' | 'professional' | 'pharmacy';
  readonly typeOfBill?: string;
  readonly placeOfService?: string;
}

/** Type of bill (facility type + bill classification, 3 leading digits) → setting. */
const TYPE_OF_BILL_SETTINGS: Readonly<Record<string, ClaimSetting | undefined>> = {
  '011': 'inpatient', // hospital inpatient (Part A)
  '012': 'inpatient', // hospital inpatient (Part B)
  '018': 'skilled-nursing', // hospital swing bed
  '021': 'skilled-nursing', // SNF inpatient
  '022': 'skilled-nursing', // SNF inpatient (Part B)
  '032': 'home-health',
  '033': 'home-health',
  '034': 'home-health',
  '013': 'outpatient', // hospital outpatient
  '014': 'outpatient', // hospital other (referenced diagnostic services)
  '071': 'outpatient', // rural health clinic (CCW outpatient file)
  '077': 'outpatient', // federally qualified health center (CCW outpatient file)
  '085': 'outpatient', // critical access hospital outpatient
};

/**
 * Setting of a claim for CCW-style rules. Institutional claims map by type of bill (unmapped bill types such as
 * hospice are 'other' and never qualify); professional claims are always 'professional' (CCW carrier file),
 * even with place of service 21 (inpatient hospital); pharmacy claims are 'pharmacy'.
 */
export function claimSettingOf(claim: ClaimSettingInput): ClaimSetting {
  switch (claim.claimType) {
    case 'professional':
      return 'professional';
    case 'pharmacy':
      return 'pharmacy';
    case 'institutional': {
      const raw = (claim.typeOfBill ?? '').trim();
      const typeOfBill = raw.length === 3 && !raw.startsWith('0') ? `0${raw}` : raw;
      return TYPE_OF_BILL_SETTINGS[typeOfBill.slice(0, 3)] ?? 'other';
    }
  }
}
