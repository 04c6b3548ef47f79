/** Messages for the screens of programs and budgets, the performance measurement framework and calls for proposals. */
export const uiPrograms = {
  en: {},
  fr: {},
} as const;
