import { AssessmentStatus, Level, ObjectionKind, ObjectionOutcome } from '../../graphql/enums';
import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A unit's result in one year." })
export class UnitYear {
  @Field(() => Int, { description: 'the year' }) year!: number;
  @Field(() => Level, { description: 'level' }) level!: string;
  @Field({ description: 'the group the unit was ranked in that year' }) group!: string;
  @Field(() => AssessmentStatus, { description: 'workflow status of the assessment' }) status!: string;
  @Field(() => Float, { description: 'points' }) points!: number;
  @Field(() => Float, { nullable: true, description: 'index in %' }) index!: number | null;
  @Field(() => Int, { nullable: true, description: 'rank in the group that year' }) rank!: number | null;
  @Field(() => Int, { description: 'units ranked in the group that year (same view)' }) groupSize!: number;
  @Field({ description: 'true when the rank is computed among rows including unpublished results' }) live!: boolean;
}

@ObjectType({ description: 'An objection or request for explanation a unit filed against an appraised score, with its decision.' })
export class ObjectionView {
  @Field({ description: 'objection id' }) objectionId!: string;
  @Field({ description: 'the leaf objected to' }) leafCode!: string;
  @Field(() => ObjectionKind, { description: 'explanation or objection' }) kind!: string;
  @Field({ description: "the unit's text" }) text!: string;
  @Field(() => [String], { description: 'evidence references' }) evidenceRefs!: string[];
  @Field(() => Float, { nullable: true, description: 'the score the unit proposed' }) proposedScore!: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'when it was filed' }) filedAt!: Date | null;
  @Field(() => ObjectionOutcome, { nullable: true, description: 'upheld or rejected; null while pending' }) outcome!: string | null;
  @Field(() => String, { nullable: true, description: "the council's reason" }) decisionReason!: string | null;
  @Field(() => Float, { nullable: true, description: 'the corrected score an upheld objection set' }) correctedScore!: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'when it was decided' }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'who decided' }) decidedBy!: string | null;
}
