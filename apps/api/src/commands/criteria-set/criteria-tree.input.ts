import { Field, Float, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsIn, IsNumber, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '../shared/command-inputs';

export const LEAF_KINDS = ['appraised', 'survey', 'indicator', 'deduction'] as const;

@InputType({ description: 'A band of a bands conversion rule: at least `min`, the leaf scores `points`.' })
export class BandInput {
  @Field(() => Float, { description: 'the lowest raw value of the band' }) @IsNumber() min!: number;
  @Field(() => Float, { description: 'points for raw values ≥ min' }) @IsNumber() points!: number;
}

@InputType({ description: 'how a survey/indicator raw value becomes points' })
export class ConversionRuleInput {
  @Field(() => String, { description: 'linear or bands' }) @IsIn(['linear', 'bands']) kind!: 'linear' | 'bands';
  @Field(() => Float, { nullable: true, description: 'linear: the raw value that gives 0 points' }) @IsOptional() @IsNumber() from?: number;
  @Field(() => Float, { nullable: true, description: 'linear: the raw value that gives the maximum' })
  @IsOptional()
  @IsNumber()
  to?: number;
  @Field(() => [BandInput], { nullable: true, description: 'bands: the bands' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => BandInput)
  bands?: BandInput[];
}

@InputType({ description: 'a component criterion (leaf) with its maximum points' })
export class LeafInput {
  @Field({ description: 'leaf code' }) @Matches(ID_PATTERN, { message: ID_MESSAGE }) code!: string;
  @Field({ description: 'leaf name' }) @IsString() @Length(1, 500) name!: string;
  @Field(() => Float, { description: 'maximum points (0 for deductions)' }) @IsNumber() max!: number;
  @Field(() => String, { description: `one of ${LEAF_KINDS.join(', ')}` }) @IsIn(LEAF_KINDS) kind!: (typeof LEAF_KINDS)[number];
  @Field({ nullable: true, description: 'survey name (survey leaves)' }) @IsOptional() @IsString() survey?: string;
  @Field({ nullable: true, description: 'indicator name (indicator leaves)' }) @IsOptional() @IsString() indicator?: string;
  @Field(() => ConversionRuleInput, { nullable: true, description: 'survey and indicator leaves: how the raw value becomes points' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConversionRuleInput)
  rule?: ConversionRuleInput;
  @Field(() => Float, { nullable: true, description: 'lowest points (negative) of a deduction leaf' })
  @IsOptional()
  @IsNumber()
  floor?: number;
}

@InputType({ description: 'A criterion: a group of leaves.' })
export class CriterionInput {
  @Field({ description: 'criterion code' }) @Matches(ID_PATTERN, { message: ID_MESSAGE }) code!: string;
  @Field({ description: 'criterion name' }) @IsString() @Length(1, 500) name!: string;
  @Field(() => [LeafInput], { description: 'its leaves' })
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => LeafInput)
  leaves!: LeafInput[];
}

@InputType({ description: 'a field (component index) of a criteria set' })
export class FieldInput {
  @Field({ description: 'field code' }) @Matches(ID_PATTERN, { message: ID_MESSAGE }) code!: string;
  @Field({ description: 'field name' }) @IsString() @Length(1, 500) name!: string;
  @Field(() => [CriterionInput], { description: 'its criteria' })
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria!: CriterionInput[];
}
