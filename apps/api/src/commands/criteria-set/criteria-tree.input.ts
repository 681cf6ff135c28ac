import { Field, Float, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsIn, IsNumber, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '../shared/command-inputs';

export const LEAF_KINDS = ['appraised', 'survey', 'indicator', 'deduction'] as const;

@InputType()
export class BandInput {
  @Field(() => Float) @IsNumber() min!: number;
  @Field(() => Float, { description: 'points for raw values ≥ min' }) @IsNumber() points!: number;
}

@InputType({ description: 'how a survey/indicator raw value becomes points' })
export class ConversionRuleInput {
  @Field(() => String) @IsIn(['linear', 'bands']) kind!: 'linear' | 'bands';
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() from?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() to?: number;
  @Field(() => [BandInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) @Type(() => BandInput) bands?: BandInput[];
}

@InputType({ description: 'a component criterion (leaf) with its maximum points' })
export class LeafInput {
  @Field() @Matches(ID_PATTERN, { message: ID_MESSAGE }) code!: string;
  @Field() @IsString() @Length(1, 500) name!: string;
  @Field(() => Float, { description: 'maximum points (0 for deductions)' }) @IsNumber() max!: number;
  @Field(() => String, { description: `one of ${LEAF_KINDS.join(', ')}` }) @IsIn(LEAF_KINDS) kind!: (typeof LEAF_KINDS)[number];
  @Field({ nullable: true, description: 'survey name (survey leaves)' }) @IsOptional() @IsString() survey?: string;
  @Field({ nullable: true, description: 'indicator name (indicator leaves)' }) @IsOptional() @IsString() indicator?: string;
  @Field(() => ConversionRuleInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ConversionRuleInput) rule?: ConversionRuleInput;
  @Field(() => Float, { nullable: true, description: 'lowest points (negative) of a deduction leaf' }) @IsOptional() @IsNumber() floor?: number;
}

@InputType()
export class CriterionInput {
  @Field() @Matches(ID_PATTERN, { message: ID_MESSAGE }) code!: string;
  @Field() @IsString() @Length(1, 500) name!: string;
  @Field(() => [LeafInput]) @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => LeafInput) leaves!: LeafInput[];
}

@InputType({ description: 'a field (component index) of a criteria set' })
export class FieldInput {
  @Field() @Matches(ID_PATTERN, { message: ID_MESSAGE }) code!: string;
  @Field() @IsString() @Length(1, 500) name!: string;
  @Field(() => [CriterionInput]) @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => CriterionInput) criteria!: CriterionInput[];
}
