export * from './commands';
export * from './events';
export * from './state';
export { decideAssessment, ASSESSMENT_COMMAND_ROLES } from './decide';
export * from './decider';
export * from './stream';
export * from './assessed-unit';
export { computeTotals, effectiveAppraisedScore } from './totals';
export { statusAfterCriteriaVersionChange } from './evolve-revision';
