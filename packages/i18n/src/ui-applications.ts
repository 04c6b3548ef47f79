/** Messages for the screens of registration, organisation profiles and applications (recipient side). */
export const uiApplications = {
  en: {},
  fr: {},
} as const;
