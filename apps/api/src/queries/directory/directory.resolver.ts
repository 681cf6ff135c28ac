import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { requireNonEmptyId, requireOneOf, requireYear } from '@par-index/domain';
import { ASSESSED_LEVELS, walkNodes, type CriteriaSet } from '@par-index/scoring';
import type { CriteriaSetRow, UnitRow } from '@par-index/read-model';
import { BadUserInputError } from '../../errors/application-errors';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { requirePageSize } from '../query-args';
import { CriteriaNode, CriteriaSetVersion, RankingGroup, UnitPage } from './directory.types';

const cursorOf = (unitId: string) => Buffer.from(unitId).toString('base64url');
const points = (hundredths: number) => hundredths / 100;

function nodesOf(set: CriteriaSet): CriteriaNode[] {
  const depth = new Map<string, number>();
  const nodes: CriteriaNode[] = [];
  walkNodes(set, (node, parent) => {
    const d = parent === null ? 0 : depth.get(parent.code)! + 1;
    depth.set(node.code, d);
    const scoring = node.type === 'leaf' ? node.scoring : null;
    nodes.push({
      code: node.code,
      name: node.name,
      max: points(node.max),
      kind: scoring?.kind ?? 'group',
      parentCode: parent?.code ?? null,
      depth: d,
      source: scoring?.kind === 'survey' ? scoring.survey : scoring?.kind === 'indicator' ? scoring.indicator : null,
      floor: scoring?.kind === 'deduction' ? points(scoring.floor) : null,
    });
  });
  return nodes;
}

/** Lists a client browses: units, the groups ranked in a year, the criteria sets. One statement each. */
@Resolver()
export class DirectoryResolver {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  @Query(() => UnitPage, {
    description: 'Units by id, filtered by level, group, parent, region and a part of the name (case-insensitive).',
  })
  async units(
    @Args('level', { type: () => String, nullable: true, description: 'only this level' }) level: string | null,
    @Args('group', { type: () => String, nullable: true, description: 'only this group' }) group: string | null,
    @Args('parent', { type: () => String, nullable: true, description: 'only children of this unit' }) parent: string | null,
    @Args('region', { type: () => String, nullable: true, description: 'only this region' }) region: string | null,
    @Args('name', { type: () => String, nullable: true, description: 'a part of the name' }) name: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100, description: 'page size (1..1000)' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'pageInfo.endCursor of the previous page' }) after: string | null,
  ): Promise<UnitPage> {
    const take = requirePageSize(first);
    if (level != null) requireOneOf(level, ASSESSED_LEVELS, 'level');
    if (name != null && name.length > 200) throw new BadUserInputError('name filter is limited to 200 characters', { field: 'name' });
    const from = after == null ? '' : Buffer.from(after, 'base64url').toString('utf8');
    const pattern = name == null ? null : `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows: (UnitRow & { total: string })[] = await this.infrastructure.readModel.query(
      `WITH filtered AS (
         SELECT * FROM units WHERE ($1::text IS NULL OR level = $1) AND ($2::text IS NULL OR group_code = $2)
           AND ($3::text IS NULL OR parent_id = $3) AND ($4::text IS NULL OR region = $4) AND ($5::text IS NULL OR name ILIKE $5))
       SELECT unit_id AS "unitId", name, level, group_code AS "groupCode", parent_id AS "parentId", region, status,
              merged_into AS "mergedInto", previous_names AS "previousNames", (SELECT count(*) FROM filtered)::text AS total
       FROM filtered WHERE unit_id COLLATE "C" > $6 ORDER BY unit_id COLLATE "C" LIMIT $7`,
      [level, group, parent, region, pattern, from, take + 1],
    );
    const page = rows.slice(0, take);
    return {
      rows: page.map((u) => ({
        id: u.unitId,
        name: u.name,
        level: u.level,
        group: u.groupCode,
        parentId: u.parentId,
        region: u.region,
        status: u.status,
        mergedInto: u.mergedInto,
        previousNames: u.previousNames,
      })),
      pageInfo: {
        hasNextPage: rows.length > take,
        endCursor: page.length ? cursorOf(page[page.length - 1]!.unitId) : null,
        totalCount: Number(rows[0]?.total ?? 0),
      },
    };
  }

  @Query(() => [RankingGroup], { description: 'The groups (blocks) with assessments in a year, optionally of one level.' })
  async groups(
    @Args('year', { type: () => Int, description: 'the year' }) year: number,
    @Args('level', { type: () => String, nullable: true, description: 'only this level' }) level: string | null,
  ): Promise<RankingGroup[]> {
    requireYear(year, 'year');
    if (level != null) requireOneOf(level, ASSESSED_LEVELS, 'level');
    const rows: { level: string; group: string; assessed: number; published: number }[] = await this.infrastructure.readModel.query(
      `SELECT level, group_code AS "group", count(*)::int AS assessed, (count(*) FILTER (WHERE status = 'published'))::int AS published
       FROM scorecards WHERE year = $1 AND ($2::text IS NULL OR level = $2) GROUP BY level, group_code ORDER BY level, group_code`,
      [year, level],
    );
    return rows.map((r) => ({ year, level: r.level, group: r.group, assessedUnits: r.assessed, publishedUnits: r.published }));
  }

  @Query(() => [CriteriaSetVersion], { description: 'Published and retired criteria-set versions with their trees, by code and version.' })
  async criteriaSets(
    @Args('year', { type: () => Int, nullable: true, description: 'only this year' }) year: number | null,
    @Args('level', { type: () => String, nullable: true, description: 'only this level' }) level: string | null,
    @Args('code', { type: () => String, nullable: true, description: 'only this set' }) code: string | null,
  ): Promise<CriteriaSetVersion[]> {
    if (year != null) requireYear(year, 'year');
    if (level != null) requireOneOf(level, ASSESSED_LEVELS, 'level');
    if (code != null) requireNonEmptyId(code, 'code');
    const rows: CriteriaSetRow[] = await this.infrastructure.readModel.query(
      `SELECT code, version, year, level, name, status, revision_reason AS "revisionReason", criteria_set AS "criteriaSet", published_at AS "publishedAt"
       FROM criteria_sets WHERE ($1::int IS NULL OR year = $1) AND ($2::text IS NULL OR level = $2) AND ($3::text IS NULL OR code = $3)
       ORDER BY code COLLATE "C", version`,
      [year, level, code],
    );
    return rows.map((r) => ({
      code: r.code,
      version: r.version,
      year: r.year,
      level: r.level,
      name: r.name,
      status: r.status,
      revisionReason: r.revisionReason,
      publishedAt: new Date(r.publishedAt),
      maxTotal: points(r.criteriaSet.maxTotal),
      nodes: nodesOf(r.criteriaSet),
    }));
  }
}
