import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A field (component index) of a unit-year, ranked within the group.' })
export class FieldScore {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Float) points!: number;
  @Field(() => Float, { description: "the unit's applicable maximum for the field" }) max!: number;
  @Field(() => Float) percent!: number;
  @Field(() => Int) rank!: number;
}

@ObjectType()
export class SourcePoints {
  @Field({ description: "'appraisal', 'deduction', 'survey:<name>' or 'indicator:<name>'" }) source!: string;
  @Field(() => Float) points!: number;
}

@ObjectType({ description: "A unit's PAR Index for a year: points, index (% of its applicable maximum) and rank in its group." })
export class Scorecard {
  @Field() unitId!: string;
  @Field(() => String, { nullable: true }) unitName!: string | null;
  @Field(() => Int) year!: number;
  @Field() level!: string;
  @Field() group!: string;
  @Field({ description: 'workflow status of the assessment, one of self_assessment, appraisal (submitted or reopened), appraisal_final, approved, published (ranks include every opened assessment)' }) status!: string;
  @Field({ description: 'the criteria set that scored this unit-year' }) criteriaSetCode!: string;
  @Field(() => Int, { description: 'the version of that criteria set the assessment is bound to' }) criteriaSetVersion!: number;
  @Field({ description: 'true when units of this group were scored against different criteria-set versions: compare with care, or move them to one version' })
  mixedCriteriaVersions!: boolean;
  @Field(() => Float) total!: number;
  @Field(() => Float) applicableMax!: number;
  @Field(() => Float) percent!: number;
  @Field(() => Int, { description: 'standard competition rank in the group (1, 2, 2, 4)' }) rank!: number;
  @Field(() => Int) groupSize!: number;
  @Field(() => [FieldScore]) fields!: FieldScore[];
  @Field(() => [SourcePoints]) bySource!: SourcePoints[];
  @Field(() => [String], { description: 'leaves that scored zero' }) zeroLeaves!: string[];
}
