// Clinical code sets from public releases (issue 21): NDC Directory drug classes, value sets onto code lists.
// See docs/clinical/code-sets.md and docs/adr/0019-code-set-releases.md.
export * from './normalize-ndc.util';
export * from './drug-class-definitions.data';
export * from './drug-class-of-product.util';
export * from './code-list.types';
export * from './code-list-targets.util';
export * from './rules-with-code-lists.util';
export * from './code-set-release.types';
export * from './built-in-code-set-release.data';
export * from './drug-class-in-release.util';
export * from './code-set-release-from-json.util';
export * from './diff-code-set-releases.util';
export * from './value-set.types';
export * from './value-set-codes.util';
export * from './code-lists-from-value-sets.util';
export * from './value-set-mappings-from-json.util';
