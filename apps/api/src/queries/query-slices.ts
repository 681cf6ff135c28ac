import { AuditTrailResolver } from './audit/audit-trail.resolver';
import { ScorecardChangeResolver } from './scorecards/scorecard-change.resolver';
import { ScorecardResolver } from './scorecards/scorecard.resolver';

export const QUERY_SLICES = [ScorecardResolver, ScorecardChangeResolver, AuditTrailResolver];
