import { CriteriaNodeKind, CriteriaSetStatus, Level, UnitStatus } from '../../graphql/enums';
import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../ranking/ranking.types';

@ObjectType({ description: 'An administrative unit (province, ministry, department, district, commune…) as registered.' })
export class Unit {
  @Field({ description: 'the unit id' }) id!: string;
  @Field({ description: 'current name' }) name!: string;
  @Field(() => Level, { description: 'level' }) level!: string;
  @Field({ description: 'the group (block) the unit is ranked in from now on' }) group!: string;
  @Field(() => String, { nullable: true, description: 'parent unit id (e.g. the province of a district)' }) parentId!: string | null;
  @Field(() => String, { nullable: true, description: 'region' }) region!: string | null;
  @Field(() => UnitStatus, { description: 'active, merged or inactive' }) status!: string;
  @Field(() => String, { nullable: true, description: 'the unit it was merged into' }) mergedInto!: string | null;
  @Field(() => [String], { description: 'earlier names, oldest first' }) previousNames!: string[];
}

@ObjectType({ description: 'A page of units.' })
export class UnitPage {
  @Field(() => [Unit], { description: 'units of this page, by id' }) rows!: Unit[];
  @Field(() => PageInfo, { description: 'pagination' }) pageInfo!: PageInfo;
}

@ObjectType({ description: 'A group (block) ranked in a year.' })
export class RankingGroup {
  @Field(() => Int, { description: 'the year' }) year!: number;
  @Field(() => Level, { description: 'level' }) level!: string;
  @Field({ description: 'group code' }) group!: string;
  @Field(() => Int, { description: 'assessments opened in the group' }) assessedUnits!: number;
  @Field(() => Int, { description: 'assessments published in the group' }) publishedUnits!: number;
}

@ObjectType({ description: 'A node of a criteria tree: a field, a criterion, or a leaf (component criterion).' })
export class CriteriaNode {
  @Field({ description: 'node code' }) code!: string;
  @Field({ description: 'node name' }) name!: string;
  @Field(() => Float, { description: 'maximum points (a group: the sum of its children)' }) max!: number;
  @Field(() => CriteriaNodeKind, { description: "'group' for fields and criteria; a leaf's scoring kind" }) kind!: string;
  @Field(() => String, { nullable: true, description: 'the parent group; null for a field' }) parentCode!: string | null;
  @Field(() => Int, { description: '0 for a field, 1 for its children, …' }) depth!: number;
  @Field(() => String, { nullable: true, description: 'survey or indicator the leaf converts' }) source!: string | null;
  @Field(() => Float, { nullable: true, description: 'lowest points of a deduction leaf' }) floor!: number | null;
}

@ObjectType({ description: 'A published (or retired) version of a criteria set, with its tree and maxima.' })
export class CriteriaSetVersion {
  @Field({ description: 'set code' }) code!: string;
  @Field(() => Int, { description: 'version' }) version!: number;
  @Field(() => Int, { description: 'assessment year' }) year!: number;
  @Field(() => Level, { description: 'level assessed' }) level!: string;
  @Field({ description: 'name' }) name!: string;
  @Field(() => CriteriaSetStatus, { description: 'published or retired' }) status!: string;
  @Field(() => String, { nullable: true, description: 'why this version revised the previous one' }) revisionReason!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'when it was published' }) publishedAt!: Date;
  @Field(() => Float, { description: 'maximum total points' }) maxTotal!: number;
  @Field(() => [CriteriaNode], { description: 'every node, depth first in document order' }) nodes!: CriteriaNode[];
}
