import type { Decider } from '../shared/decider';
import type { AssessmentCommand } from './commands';
import { decideAssessment } from './decide';
import type { AssessmentEvent } from './events';
import { evolveAssessment, initialAssessmentState, type AssessmentState } from './state';

export const assessmentDecider: Decider<AssessmentCommand, AssessmentEvent, AssessmentState> = {
  decide: decideAssessment,
  evolve: evolveAssessment,
  initialState: initialAssessmentState,
};
