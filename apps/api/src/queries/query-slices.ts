import { AuditTrailResolver } from './audit/audit-trail.resolver';
import { RankingResolver } from './ranking/ranking.resolver';
import { ScorecardResolver } from './scorecards/scorecard.resolver';

export const QUERY_SLICES = [ScorecardResolver, RankingResolver, AuditTrailResolver];
