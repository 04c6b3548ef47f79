/**
 * What a member of staff may do next with a submitted application, decided once from the
 * lifecycle, the access sets and the separation of duties: nobody decides what they
 * recommended, and only someone with a delegated limit for the program decides at all (the
 * amount is checked against that limit when they decide).
 */
import { APPLICATION_SCREENERS, DECIDERS, holds, REVIEW_ASSIGNERS } from './access';
import { applicationLifecycle, type ApplicationStatus } from './applications';
import type { Role } from './reference';
import { fundingDecisionRefusal } from './segregation';

export const APPLICATION_ACTIONS = ['screen', 'assignReviewer', 'recommend', 'decide'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export interface ApplicationForActions {
  status: ApplicationStatus;
  /** Who recommended it, once someone has. */
  recommendedBy: string | null;
}

export function applicationActions(
  app: ApplicationForActions,
  caller: { id: string; roles: readonly Role[] },
  /** Whether the caller holds a delegated approval limit for the application's program. */
  hasDecisionAuthority: boolean,
): ApplicationAction[] {
  const may: Record<ApplicationAction, boolean> = {
    screen: holds(caller, APPLICATION_SCREENERS) && applicationLifecycle.can(app.status, 'screened_in'),
    // Reviewers are added while the review is open, from screening in until the recommendation.
    assignReviewer: holds(caller, REVIEW_ASSIGNERS) && (applicationLifecycle.can(app.status, 'under_review') || app.status === 'under_review'),
    recommend: holds(caller, APPLICATION_SCREENERS) && applicationLifecycle.can(app.status, 'recommended'),
    decide: holds(caller, DECIDERS) && hasDecisionAuthority && applicationLifecycle.can(app.status, 'approved') && fundingDecisionRefusal(app.recommendedBy === null ? null : { recommendedBy: app.recommendedBy }, caller.id) === null,
  };
  return APPLICATION_ACTIONS.filter((action) => may[action]);
}
