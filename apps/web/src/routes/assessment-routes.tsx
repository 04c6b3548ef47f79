/** Intake, screening, reviewer assignment, scoring, ranking and decisions; organisations for officers (issue 4, staff side). Pages attach under signedInRoute. */
export const assessmentRoutes = [] as const;
