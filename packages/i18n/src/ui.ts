/** Messages for the web client's screens. */
export const ui = {
  en: {
    'app.title': 'Transfer Payment Portal',
  },
  fr: {
    'app.title': 'Portail des paiements de transfert',
  },
} as const;
