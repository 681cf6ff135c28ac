import { AssessmentStatus, Level, UnitStatus } from '../../graphql/enums';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A unit as a result names it.' })
export class UnitRef {
  @Field({ description: 'the unit id' }) id!: string;
  @Field(() => String, { nullable: true, description: "the unit's current name (null if the unit is not registered in the read model)" })
  name!: string | null;
  @Field(() => UnitStatus, {
    nullable: true,
    description: 'whether the unit is still assessed (a merged or deactivated unit keeps its past results)',
  })
  status!: string | null;
}

@ObjectType({ description: "A unit's score in one field (component index), ranked among the same rows as the ranking." })
export class RankingFieldScore {
  @Field({ description: 'field code, e.g. "F1"' }) code!: string;
  @Field({ description: 'field name' }) name!: string;
  @Field(() => Float, { description: 'points scored in the field' }) points!: number;
  @Field(() => Float, { description: "the unit's applicable maximum for the field" }) max!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'points ÷ applicable maximum in %, rounded half up to 2 decimals; null when nothing applies',
  })
  percent!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'rank in the field among the ranked rows (1, 2, 2, 4); null without an applicable maximum',
  })
  rank!: number | null;
}

@ObjectType({ description: 'One row of a ranking: a unit, its result, its rank and its change against the previous year.' })
export class RankingRow {
  @Field(() => UnitRef, { description: 'the ranked unit' }) unit!: UnitRef;
  @Field(() => Float, { description: 'points (overall, or in the requested field)' }) points!: number;
  @Field(() => Float, { description: 'the applicable maximum the index divides by' }) maxPoints!: number;
  @Field(() => Float, { nullable: true, description: 'index: points ÷ applicable maximum in %, rounded half up to 2 decimals' })
  index!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'standard competition rank (1, 2, 2, 4) at the published precision; null when unranked',
  })
  rank!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "rank in the previous year's ranking of the group the unit was in then; null when not ranked then",
  })
  previousRank!: number | null;
  @Field(() => Int, { nullable: true, description: 'previousRank − rank: positive means up that many places' }) rankChange!: number | null;
  @Field(() => Float, { nullable: true, description: "points change against the previous year's result" }) scoreChange!: number | null;
  @Field(() => Float, { nullable: true, description: 'index change in percentage points, exact then rounded half away from zero' })
  indexChange!: number | null;
  @Field({ description: 'the criteria set that scored the unit-year' }) criteriaSetCode!: string;
  @Field(() => Int, { description: 'the version of that criteria set' }) criteriaSetVersion!: number;
  @Field({ description: 'true when the group was scored against different criteria-set versions' }) mixedCriteriaVersions!: boolean;
  @Field(() => AssessmentStatus, { description: 'workflow status of the assessment' }) status!: string;
  @Field(() => [RankingFieldScore], { description: "the unit's fields, each ranked among the same rows" }) fields!: RankingFieldScore[];
}

@ObjectType({ description: 'A band of indexes, e.g. "≥ 90%", and how many units fall in it.' })
export class PercentBand {
  @Field({ description: 'e.g. "≥ 90%", "80–90%", "< 80%"' }) label!: string;
  @Field(() => Float, { nullable: true, description: 'inclusive lower bound in %; null = none' }) from!: number | null;
  @Field(() => Float, { nullable: true, description: 'exclusive upper bound in %; null = none' }) to!: number | null;
  @Field(() => Int, { description: 'units in the band' }) count!: number;
}

@ObjectType({ description: "Statistics of the ranked rows' indexes, computed exactly by libs/scoring and rounded for display." })
export class GroupStatistics {
  @Field(() => Int, { description: 'units ranked' }) count!: number;
  @Field(() => Int, { description: 'units with an index (applicable maximum > 0); the figures are over these' }) indexed!: number;
  @Field(() => Float, { nullable: true, description: 'mean index in %' }) average!: number | null;
  @Field(() => Float, { nullable: true, description: 'median index in %' }) median!: number | null;
  @Field(() => Float, { nullable: true, description: 'lowest index in %' }) min!: number | null;
  @Field(() => Float, { nullable: true, description: 'highest index in %' }) max!: number | null;
  @Field(() => Float, { nullable: true, description: 'mean points' }) averagePoints!: number | null;
  @Field(() => Int, { description: 'units strictly above the average index, compared exactly' }) countAboveAverage!: number;
  @Field(() => [String], { description: 'units sharing the highest index' }) highestUnitIds!: string[];
  @Field(() => [String], { description: 'units sharing the lowest index' }) lowestUnitIds!: string[];
  @Field(() => [PercentBand], { description: 'units per band, highest band first' }) bands!: PercentBand[];
}

@ObjectType({ description: 'Where a page of a list ends.' })
export class PageInfo {
  @Field({ description: 'true when rows follow this page' }) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'pass as `after` for the next page; null on an empty page' }) endCursor!:
    string | null;
  @Field(() => Int, { description: 'rows in the whole list' }) totalCount!: number;
}

@ObjectType({ description: 'The ranking of a group (block) for a year, overall or in one field, with its statistics.' })
export class Ranking {
  @Field(() => Int, { description: 'the year ranked' }) year!: number;
  @Field(() => Level, { description: 'the level of the group' }) level!: string;
  @Field({ description: 'the group (block)' }) group!: string;
  @Field(() => String, { nullable: true, description: 'the field ranked, or null for the overall index' }) field!: string | null;
  @Field({
    description:
      'true: the live ranking of every opened assessment (unpublished results included); false: published results only, ranked among themselves',
  })
  live!: boolean;
  @Field(() => GroupStatistics, { description: 'statistics of all ranked rows (not only this page)' }) statistics!: GroupStatistics;
  @Field(() => [RankingRow], { description: 'this page of rows, best first' }) rows!: RankingRow[];
  @Field(() => PageInfo, { description: 'pagination' }) pageInfo!: PageInfo;
}
