import { AssessmentStatus, Level } from '../../graphql/enums';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { LeafResult, ScorecardChange } from './scorecard-detail.types';

@ObjectType({ description: 'A field (component index) of a unit-year, ranked within the group.' })
export class FieldScore {
  @Field({ description: 'field code' }) code!: string;
  @Field({ description: 'field name' }) name!: string;
  @Field(() => Float, { description: 'points scored in the field' }) points!: number;
  @Field(() => Float, { description: "the unit's applicable maximum for the field" }) max!: number;
  @Field(() => Float, { description: 'points ÷ applicable maximum in %' }) percent!: number;
  @Field(() => Int, { nullable: true, description: 'rank in the field within the group (same view as the overall rank)' }) rank!:
    number | null;
}

@ObjectType({ description: 'Points of a unit-year from one source.' })
export class SourcePoints {
  @Field({ description: "'appraisal', 'deduction', 'survey:<name>' or 'indicator:<name>'" }) source!: string;
  @Field(() => Float, { description: 'points from that source' }) points!: number;
}

@ObjectType({ description: "A unit's PAR Index for a year: points, index (% of its applicable maximum) and rank in its group." })
export class Scorecard {
  @Field({ description: 'the unit id' }) unitId!: string;
  @Field(() => String, { nullable: true, description: "the unit's current name" }) unitName!: string | null;
  @Field(() => Int, { description: 'the assessment year' }) year!: number;
  @Field(() => Level, { description: 'the level assessed' }) level!: string;
  @Field({ description: 'the group (block) the unit is ranked in' }) group!: string;
  @Field(() => AssessmentStatus, { description: 'workflow status of the assessment' }) status!: string;
  @Field({ description: 'the criteria set that scored this unit-year' }) criteriaSetCode!: string;
  @Field(() => Int, { description: 'the version of that criteria set the assessment is bound to' }) criteriaSetVersion!: number;
  @Field({
    description:
      'true when units of this group were scored against different criteria-set versions: compare with care, or move them to one version',
  })
  mixedCriteriaVersions!: boolean;
  @Field(() => Float, { description: 'total points' }) total!: number;
  @Field(() => Float, { description: "the unit's applicable maximum (not-applicable leaves excluded)" }) applicableMax!: number;
  @Field(() => Float, { description: 'index: total ÷ applicable maximum in %, rounded half up to 2 decimals' }) percent!: number;
  @Field({
    description:
      "true when the rows the rank is computed among include unpublished results (the live ranking, or a unit officer's own drafts); false: published results only",
  })
  live!: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'standard competition rank in the group (1, 2, 2, 4); null when not ranked in this view',
  })
  rank!: number | null;
  @Field(() => Int, { description: 'units ranked in the group in this view' }) groupSize!: number;
  @Field(() => [FieldScore], { description: 'the fields (component indexes)' }) fields!: FieldScore[];
  @Field(() => [SourcePoints], { description: 'the total split by source' }) bySource!: SourcePoints[];
  @Field(() => [String], { description: 'leaves that scored zero' }) zeroLeaves!: string[];
  @Field(() => [LeafResult], { description: 'every leaf with self, appraised and effective scores, maxima and evidence' })
  leaves!: LeafResult[];
  @Field(() => ScorecardChange, {
    nullable: true,
    description: 'against the same unit the year before (null when it has no scorecard then that the caller may see)',
  })
  change!: ScorecardChange | null;
}
