export * from './criteria/criteria-set';
export { validateCriteriaSet, type CriteriaSetIssue } from './criteria/validate';
export { findLeaf, findNode, listLeaves, leafBounds, fieldOfLeaf, walkNodes } from './criteria/tree';
export { convertRawValue, applyConversionRule } from './conversion/convert-raw-value';
export { toHundredths, formatPoints } from './points/hundredths';
