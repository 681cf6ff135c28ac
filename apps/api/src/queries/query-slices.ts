import { AuditTimelineResolver } from './audit/audit-timeline.resolver';
import { AuditTrailResolver } from './audit/audit-trail.resolver';
import { TimeTravelResolver } from './time-travel/time-travel.resolver';
import { ScorecardResolver } from './scorecards/scorecard.resolver';

export const QUERY_SLICES = [ScorecardResolver, AuditTrailResolver, AuditTimelineResolver, TimeTravelResolver];
