import { AuditTimelineResolver } from './audit/audit-timeline.resolver';
import { AuditTrailResolver } from './audit/audit-trail.resolver';
import { ScorecardChangeResolver } from './scorecards/scorecard-change.resolver';
import { ScorecardResolver } from './scorecards/scorecard.resolver';
import { TimeTravelResolver } from './time-travel/time-travel.resolver';

export const QUERY_SLICES = [ScorecardResolver, ScorecardChangeResolver, AuditTrailResolver, AuditTimelineResolver, TimeTravelResolver];
