import { ChangeStatus, FieldDirection, LeafKind } from '../../graphql/enums';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One leaf (component criterion) of a unit-year: what was claimed, what was appraised and what counts.' })
export class LeafResult {
  @Field({ description: 'leaf code' }) code!: string;
  @Field({ description: 'leaf name' }) name!: string;
  @Field({ description: 'code of the field (component index) the leaf belongs to' }) fieldCode!: string;
  @Field(() => LeafKind, { description: 'how the leaf is scored' }) kind!: string;
  @Field(() => Float, { description: "the leaf's maximum in the criteria set" }) max!: number;
  @Field(() => Float, { description: "the leaf's maximum for this unit: 0 when the leaf is not applicable to it" }) applicableMax!: number;
  @Field(() => Float, { nullable: true, description: "the unit's self-score, if recorded" }) selfScore!: number | null;
  @Field(() => Float, { nullable: true, description: 'the appraised score (after objections), if recorded' }) appraisedScore!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'the raw survey or indicator value, if recorded' }) rawValue!: number | null;
  @Field(() => Float, { description: 'the points that count (appraised, else self; converted for survey and indicator leaves)' })
  effectiveScore!: number;
  @Field({ description: 'which input the effective points came from: appraised, self, converted, missing or not_applicable' })
  origin!: string;
  @Field(() => [String], { description: 'evidence references given with the self-score' }) evidenceRefs!: string[];
  @Field(() => String, { nullable: true, description: "the appraiser's (or council's) reason for the appraised score" }) appraisalReason!:
    string | null;
  @Field({ description: 'true when the leaf applies, has a positive maximum and scored zero' }) zero!: boolean;
}

@ObjectType({ description: "A field's or leaf's share of a unit's change against the previous year." })
export class Contribution {
  @Field({ description: 'field or leaf code' }) code!: string;
  @Field(() => ChangeStatus, { description: "'changed', or 'added' / 'removed' when the node exists in one year only" }) status!: string;
  @Field(() => Float, { description: 'points change' }) pointsChange!: number;
  @Field(() => Float, { nullable: true, description: 'points this year' }) points!: number | null;
  @Field(() => Float, { nullable: true, description: 'points the previous year' }) previousPoints!: number | null;
  @Field(() => Float, { description: 'change of the applicable maximum' }) maxChange!: number;
  @Field(() => Float, {
    nullable: true,
    description: "share of the index change in percentage points (points change ÷ this year's maximum)",
  })
  indexContribution!: number | null;
}

@ObjectType({ description: "A field's move against the previous year, compared on its index (points ÷ applicable maximum)." })
export class FieldChange {
  @Field({ description: 'field code' }) code!: string;
  @Field({ description: 'field name' }) name!: string;
  @Field(() => FieldDirection, { description: 'how the field moved' }) direction!: string;
  @Field(() => Float, { nullable: true, description: 'points change; null for a field new this year' }) pointsChange!: number | null;
  @Field(() => Int, { nullable: true, description: "the field's rank in the group this year (same view as the scorecard's rank)" }) rank!:
    number | null;
  @Field(() => Int, { nullable: true, description: "the field's rank in the unit's group the previous year (same view)" }) previousRank!:
    number | null;
}

@ObjectType({
  description:
    'A unit-year against the same unit the year before: rank and index change, the fields that rose or fell, and the fields and leaves that moved the total and the rank.',
})
export class ScorecardChange {
  @Field(() => Int, { description: 'the year compared with' }) previousYear!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'rank the previous year, among the same kind of rows (published, live, or what the caller may see)',
  })
  previousRank!: number | null;
  @Field(() => Int, { nullable: true, description: 'previousRank − rank: positive means up that many places' }) placesUp!: number | null;
  @Field({ description: "e.g. 'up 2 places, from 3rd to 1st'" }) rankChange!: string;
  @Field(() => Float, { description: 'points change' }) pointsChange!: number;
  @Field(() => Float, { nullable: true, description: 'index change in percentage points (exact, then rounded half away from zero)' })
  percentChange!: number | null;
  @Field({ description: "the index change in words, e.g. 'down 2.10 points' (percentage points)" }) scoreChange!: string;
  @Field(() => Float, { description: 'change of the applicable maximum' }) maxChange!: number;
  @Field(() => Float, { nullable: true, description: 'the part of the index change due to the maximum alone' }) maxEffect!: number | null;
  @Field(() => Int, { description: 'fields with a higher index than the previous year' }) fieldsHigher!: number;
  @Field(() => Int, { description: 'fields with a lower index than the previous year' }) fieldsLower!: number;
  @Field(() => [FieldChange], {
    description: 'every field this year (then those only the previous year had), with its direction and ranks',
  })
  fields!: FieldChange[];
  @Field(() => [Contribution], { description: 'fields whose points changed, largest change first: their share of the index change' })
  fieldContributions!: Contribution[];
  @Field(() => [Contribution], {
    description: 'leaves whose points or maximum changed, largest change first: these moved the total and the rank',
  })
  leaves!: Contribution[];
}
