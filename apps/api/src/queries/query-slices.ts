import { AuditTimelineResolver } from './audit/audit-timeline.resolver';
import { AuditTrailResolver } from './audit/audit-trail.resolver';
import { DirectoryResolver } from './directory/directory.resolver';
import { HistoryResolver } from './history/history.resolver';
import { RankingResolver } from './ranking/ranking.resolver';
import { ScorecardResolver } from './scorecards/scorecard.resolver';
import { TimeTravelResolver } from './time-travel/time-travel.resolver';

export const QUERY_SLICES = [
  ScorecardResolver,
  RankingResolver,
  DirectoryResolver,
  HistoryResolver,
  AuditTrailResolver,
  AuditTimelineResolver,
  TimeTravelResolver,
];
