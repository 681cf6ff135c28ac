import { listLeaves } from '@par-index/scoring';
import { fail } from '../shared/domain-error';
import { optionalText, requireStringList } from '../shared/guards';
import { sameValue } from '../shared/same-value';
import type { RecordSelfScore, SubmitSelfAssessment } from './commands';
import type { AssessmentEvent } from './events';
import { requireBoundSet, requireLeaf, requireOpened, requireScoreWithinBounds, requireScoredByHand } from './rules';
import type { AssessmentState } from './state';

/**
 * Re-recording before submission supersedes the earlier self-score; recording exactly the current
 * score, evidence and note again is a no-op.
 */
export function decideRecordSelfScore(command: RecordSelfScore, current: AssessmentState): AssessmentEvent[] {
  const state = requireOpened(current);
  if (state.status !== 'self_assessment')
    fail('SELF_SCORING_CLOSED', `self-scoring closed when the self-assessment was submitted (${state.status})`, { status: state.status });
  const set = requireBoundSet(state, command.criteriaSet);
  const leaf = requireScoredByHand(requireLeaf(set, command.leafCode));
  const score = requireScoreWithinBounds(leaf, command.score, 'score');
  const evidenceRefs = requireStringList(command.evidenceRefs, 'evidenceRefs');
  const note = optionalText(command.note, 'note');
  const previous = state.selfScores.get(leaf.code);
  if (previous && previous.score === score && previous.note === note && sameValue(previous.evidenceRefs, evidenceRefs)) return [];
  return [
    {
      type: 'SelfScoreRecorded',
      data: {
        leafCode: leaf.code,
        score,
        evidenceRefs: [...evidenceRefs],
        note,
        previousScore: previous?.score ?? null,
        at: command.context.now,
        by: command.context.actorId,
      },
    },
  ];
}

/**
 * Every appraised leaf needs a self-score, unless proposed not applicable; deduction leaves may be left unscored (no deduction
 * declared). Submitting again after submission is a no-op.
 */
export function decideSubmit(command: SubmitSelfAssessment, current: AssessmentState): AssessmentEvent[] {
  const state = requireOpened(current);
  const set = requireBoundSet(state, command.criteriaSet);
  if (state.status !== 'self_assessment') return [];
  const leaves = listLeaves(set);
  // a leaf proposed (or marked) not applicable needs no self-score
  const missingLeafCodes = leaves
    .filter((l) => l.scoring.kind === 'appraised' && !state.selfScores.has(l.code) && !state.notApplicable.has(l.code))
    .map((l) => l.code);
  if (missingLeafCodes.length > 0) {
    fail('SELF_ASSESSMENT_INCOMPLETE', `${missingLeafCodes.length} leaf criteria have no self-score`, { missingLeafCodes });
  }
  const scored = leaves.filter((l) => state.selfScores.has(l.code));
  return [
    {
      type: 'SelfAssessmentSubmitted',
      data: {
        selfScoredTotal: scored.reduce((sum, l) => sum + state.selfScores.get(l.code)!.score, 0),
        scoredLeafCount: scored.length,
        at: command.context.now,
        by: command.context.actorId,
      },
    },
  ];
}
