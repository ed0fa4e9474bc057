import type { ClaimSetting } from './condition-rule.types';
import { claimSettingOf, type ClaimSettingInput } from './claim-setting-of.util';

describe('claimSettingOf', () => {
  it.each<[string, ClaimSettingInput, ClaimSetting]>([
    ['hospital inpatient 0111', { claimType: 'institutional', typeOfBill: '0111' }, 'inpatient'],
    ['hospital inpatient Part B 0121', { claimType: 'institutional', typeOfBill: '0121' }, 'inpatient'],
    ['swing bed 0181', { claimType: 'institutional', typeOfBill: '0181' }, 'skilled-nursing'],
    ['SNF 0211', { claimType: 'institutional', typeOfBill: '0211' }, 'skilled-nursing'],
    ['SNF Part B 0221', { claimType: 'institutional', typeOfBill: '0221' }, 'skilled-nursing'],
    ['home health 0322', { claimType: 'institutional', typeOfBill: '0322' }, 'home-health'],
    ['home health 0331', { claimType: 'institutional', typeOfBill: '0331' }, 'home-health'],
    ['home health 0341', { claimType: 'institutional', typeOfBill: '0341' }, 'home-health'],
    ['hospital outpatient 0131', { claimType: 'institutional', typeOfBill: '0131' }, 'outpatient'],
    ['hospital other 0141', { claimType: 'institutional', typeOfBill: '0141' }, 'outpatient'],
    ['critical access outpatient 0851', { claimType: 'institutional', typeOfBill: '0851' }, 'outpatient'],
    ['rural health clinic 0711', { claimType: 'institutional', typeOfBill: '0711' }, 'outpatient'],
    ['FQHC 0771', { claimType: 'institutional', typeOfBill: '0771' }, 'outpatient'],
    ['three-digit bill type without leading zero', { claimType: 'institutional', typeOfBill: '111' }, 'inpatient'],
    ['hospice 0811 does not qualify', { claimType: 'institutional', typeOfBill: '0811' }, 'other'],
    ['missing bill type', { claimType: 'institutional' }, 'other'],
    ['professional office visit', { claimType: 'professional', placeOfService: '11' }, 'professional'],
    ['professional at inpatient hospital (POS 21) stays professional', { claimType: 'professional', placeOfService: '21' }, 'professional'],
    ['pharmacy', { claimType: 'pharmacy' }, 'pharmacy'],
  ])('%s', (_description, claim, setting) => {
    expect(claimSettingOf(claim)).toBe(setting);
  });
});
