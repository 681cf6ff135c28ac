import { DEMO_STORY } from './demo-plan';

/** The three queries the first start prints: paste them into GraphiQL (or curl) to see the demo. */
export const DEMO_QUERIES: ReadonlyArray<{ title: string; query: string }> = [
  {
    title: "The 2024 ranking of the departments, with each one's move since 2023",
    query: `{
  ranking(year: 2024, level: "department", group: "departments", first: 10) {
    rows { rank unit { name } index previousRank rankChange scoreChange }
    statistics { average median countAboveAverage bands { label count } }
  }
}`,
  },
  {
    title: 'A scorecard explained: fields, sources of points, zero-point leaves and the change since 2023',
    query: `{
  scorecard(unitId: "${DEMO_STORY.objectionUnitId}", year: 2024) {
    unitName total percent rank groupSize status
    fields { code name points max rank }
    bySource { source points }
    zeroLeaves
    change { rankChange scoreChange fieldsHigher fieldsLower fields { code direction pointsChange rank previousRank } }
  }
}`,
  },
  {
    title: 'The audit timeline of a published result corrected months later',
    query: `{
  assessmentHistory(unitId: "${DEMO_STORY.correctedUnitId}", year: ${DEMO_STORY.correctedYear}) { occurredAt type actorId actorRole data }
  verifyAuditTrail { ok eventsChecked }
}`,
  },
];

export function demoWelcome(url: string): string {
  const blocks = DEMO_QUERIES.map(({ title, query }, i) => `${i + 1}. ${title}\n\n${query}\n`);
  return `Demo data: the fictional Song Lam Province (20 departments, 10 districts, 5 central agencies), 2023 and 2024.
Open ${url} in a browser (GraphiQL) and paste one of these:\n\n${blocks.join('\n')}
Queries 1 and 2 read published results and need no token. Query 3 reads the audit trail: run
  npm run -s token -- --role auditor
and put {"Authorization": "Bearer <that token>"} in GraphiQL's Headers tab.
(PAR_DEMO=false turns the demo off; it is loaded once, into an empty data folder.)\n\n`;
}
