import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A field's move against the previous year, compared on its index (points ÷ applicable maximum)." })
export class FieldChange {
  @Field() code!: string;
  @Field() name!: string;
  @Field({ description: "'higher', 'lower', 'same', 'added' or 'not_comparable'" }) direction!: string;
  @Field(() => Float, { nullable: true }) pointsChange!: number | null;
  @Field(() => Int) rank!: number;
  @Field(() => Int, { nullable: true }) previousRank!: number | null;
}

@ObjectType({ description: "A unit's scorecard against its own scorecard of the previous year." })
export class ScorecardChange {
  @Field(() => Int) previousYear!: number;
  @Field(() => Int) previousRank!: number;
  @Field(() => Int, { nullable: true, description: 'previous rank − rank: positive = moved up' }) placesUp!: number | null;
  @Field({ description: "e.g. 'up 3 places, from 5th to 2nd'" }) rankChange!: string;
  @Field(() => Float) pointsChange!: number;
  @Field(() => Float, { nullable: true, description: 'change of the index in percentage points (exact, then rounded)' }) percentChange!: number | null;
  @Field({ description: "e.g. 'down 2.10 points' (percentage points of the index)" }) scoreChange!: string;
  @Field(() => Int) fieldsHigher!: number;
  @Field(() => Int) fieldsLower!: number;
  @Field(() => [FieldChange]) fields!: FieldChange[];
}
