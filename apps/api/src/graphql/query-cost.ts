import type { ComplexityEstimator, ComplexityEstimatorArgs } from 'graphql-query-complexity';

/** Whole-store verification reads and re-hashes every event: priced to fit once in the default budget. */
export const WHOLE_STORE_VERIFICATION_COST = 5000;
export const STREAM_VERIFICATION_COST = 250;
/** Time travel reads the unit, criteria-set and assessment events of the store up to asOf: priced like whole-store work. */
export const TIME_TRAVEL_COST = 5000;
const TIME_TRAVEL_FIELDS = new Set(['scorecardAsOf', 'rankingAsOf']);
/** How many items a list without a page-size argument is assumed to hold. */
const LIST_SIZE_BY_FIELD: Readonly<Record<string, number>> = Object.assign(Object.create(null) as Record<string, number>, {
  assessmentHistory: 200,
  // the rows of a page object (ranking, units): priced once here, and multiplied by the page's `first` above them
  rows: 1,
  auditTimeline: 100,
  // the values one audit-timeline entry changed: usually one or two
  changes: 4,
});
const DEFAULT_LIST_SIZE = 10;
const DEFAULT_PAGE_SIZE = 100;
/** The largest page a paged list serves (larger `first` values are refused by the resolver, BAD_USER_INPUT). */
export const MAX_PAGE_SIZE = 1000;

// Type names, not instanceof: the schema and this module may hold different copies of graphql-js.
const isList = (args: ComplexityEstimatorArgs) => String(args.field.type).replace(/!$/, '').startsWith('[');

/**
 * A field costs 1 plus its children; a list multiplies its children by its page size (`first`)
 * or by an assumed size, and so does a page object (a non-list field with `first`, e.g. ranking's
 * `{ rows, statistics, pageInfo }`, whose `rows` count as one item). The caller learns whether the whole store was asked to be verified more
 * than once (allowed once per request).
 */
export function queryCostEstimator(): { estimator: ComplexityEstimator; wholeStoreVerifications: () => number } {
  let wholeStore = 0;
  const estimator: ComplexityEstimator = (args) => {
    if (args.field.name === 'verifyAuditTrail') {
      if (args.args.streamName == null) {
        wholeStore += 1;
        return WHOLE_STORE_VERIFICATION_COST;
      }
      return STREAM_VERIFICATION_COST;
    }
    const base = TIME_TRAVEL_FIELDS.has(args.field.name) ? TIME_TRAVEL_COST : 0;
    const children = Math.max(args.childComplexity, 1);
    const paged = args.field.args.some((arg) => arg.name === 'first');
    if (!isList(args) && !paged) return base + 1 + args.childComplexity;
    const first = args.args.first;
    const size =
      typeof first === 'number'
        ? Math.min(Math.max(first, 1), MAX_PAGE_SIZE)
        : paged
          ? DEFAULT_PAGE_SIZE
          : (LIST_SIZE_BY_FIELD[args.field.name] ?? DEFAULT_LIST_SIZE);
    return base + 1 + size * children;
  };
  return { estimator, wholeStoreVerifications: () => wholeStore };
}
