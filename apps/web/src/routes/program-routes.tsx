/** Programs and budgets, the performance measurement framework, calls for proposals (issue 3). Pages attach under signedInRoute. */
export const programRoutes = [] as const;
