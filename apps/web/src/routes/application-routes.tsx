/** Registration, the organisation profile, applying to a call and my applications (issue 4, recipient side). */
/** Pages for signed-in users (attach under signedInRoute from ./base). */
export const applicationRoutes = [] as const;
/** Public pages such as /register (attach under rootRoute from ./base). */
export const publicApplicationRoutes = [] as const;
