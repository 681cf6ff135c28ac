import { DEMO_STORY } from './demo-plan';

/** The three queries the first start prints: paste them into GraphiQL (or curl) to see the demo. */
export const DEMO_QUERIES: ReadonlyArray<{ title: string; query: string }> = [
  {
    title: 'Departments ranked in 2024 beside 2023 (rank changes)',
    query: `{
  y2024: ranking(year: 2024, level: "department", group: "departments", first: 10) { rank unitName percent total }
  y2023: ranking(year: 2023, level: "department", group: "departments", first: 10) { rank unitName percent total }
}`,
  },
  {
    title: 'A scorecard explained: fields, sources of points, zero-point leaves (after an upheld objection)',
    query: `{
  scorecard(unitId: "${DEMO_STORY.objectionUnitId}", year: 2024) {
    unitName total applicableMax percent rank groupSize status
    fields { code name points max percent rank }
    bySource { source points }
    zeroLeaves
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
(PAR_DEMO=false turns the demo off; it is loaded once, into an empty data folder.)\n\n`;
}
