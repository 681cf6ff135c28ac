import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { ScorecardRow } from '@par-index/read-model';
import { FieldScore, SourcePoints } from '../scorecards/scorecard.types';

const points = (hundredths: number) => hundredths / 100;

/**
 * A scorecard as it was at a past moment: what the scorecards read model held then. Its own type,
 * so the live Scorecard can grow (leaves, explanations) without the past having to compute them.
 */
@ObjectType({ description: "A unit's PAR Index for a year as it was at a past moment (asOf): points, index and rank in its group then." })
export class ScorecardAsOf {
  @Field({ description: 'the unit id' }) unitId!: string;
  @Field(() => String, { nullable: true, description: "the unit's name at that moment" }) unitName!: string | null;
  @Field(() => Int, { description: 'the assessment year' }) year!: number;
  @Field({ description: 'the level assessed' }) level!: string;
  @Field({ description: 'the group (block) the unit was ranked in' }) group!: string;
  @Field({ description: 'workflow status then: self_assessment, appraisal, appraisal_final, approved or published' }) status!: string;
  @Field({ description: 'the criteria set that scored this unit-year' }) criteriaSetCode!: string;
  @Field(() => Int, { description: 'the version of that criteria set the assessment was bound to then' }) criteriaSetVersion!: number;
  @Field({ description: 'true when units of the group were scored against different criteria-set versions then' })
  mixedCriteriaVersions!: boolean;
  @Field(() => Float, { description: 'total points, rounded half up once from the unrounded parts' }) total!: number;
  @Field(() => Float, { description: "the unit's applicable maximum then (not-applicable leaves excluded)" }) applicableMax!: number;
  @Field(() => Float, { description: 'index: total ÷ applicable maximum in %, from the exact total, rounded half up to 2 decimals' })
  percent!: number;
  @Field(() => Int, { description: 'standard competition rank (1, 2, 2, 4) among the results the caller may see of that moment' })
  rank!: number;
  @Field(() => Int, { description: 'units ranked in the group in that view' }) groupSize!: number;
  @Field(() => [FieldScore], { description: 'the fields (component indexes) then' }) fields!: FieldScore[];
  @Field(() => [SourcePoints], { description: 'the total split by source, each part rounded once' }) bySource!: SourcePoints[];
  @Field(() => [String], { description: 'leaves that scored zero then' }) zeroLeaves!: string[];
}

export function toScorecardAsOf(row: ScorecardRow, unitName: string | null): ScorecardAsOf {
  return {
    unitId: row.unitId,
    unitName,
    year: row.year,
    level: row.level,
    group: row.groupCode,
    status: row.status,
    criteriaSetCode: row.criteriaSetCode,
    criteriaSetVersion: row.criteriaSetVersion,
    mixedCriteriaVersions: row.mixedCriteriaVersions,
    total: points(row.total),
    applicableMax: points(row.applicableMax),
    percent: row.percent,
    rank: row.rank,
    groupSize: row.groupSize,
    fields: row.fields.map((f) => ({ ...f, points: points(f.points), max: points(f.max) })),
    bySource: Object.entries(row.bySource).map(([source, value]) => ({ source, points: points(value) })),
    zeroLeaves: row.zeroLeaves,
  };
}
