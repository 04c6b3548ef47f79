/** Messages for the screens of intake, screening, assessment and decisions (staff side). */
export const uiAssessment = {
  en: {},
  fr: {},
} as const;
