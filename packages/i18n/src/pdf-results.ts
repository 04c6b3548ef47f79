/** The strategy's printed annual progress report (server only). */
export const pdfResults = {
  en: {
    'pdf.results.title': 'Annual progress report',
    'pdf.results.subtitle': 'Annual progress report, fiscal year {year}',
    'pdf.results.introduction': 'Introduction',
    'pdf.results.introText': 'This report sets out what the strategy’s {programs} transfer payment programs funded between {start} and {end}, what was spent, and the results funded organisations reported in their accepted progress reports.',
    'pdf.results.investment': 'Investment and spending by pillar',
    'pdf.results.funded': 'In the year, {agreements} agreements with {organisations} organisations were in force.',
    'pdf.results.gba': 'GBA Plus, {indicator}: share of projects reporting each factor: {shares}.',
    'pdf.results.missing': 'Data still missing (baseline, target or readiness): {indicators}.',
    'pdf.results.privacy': 'About these figures',
    'pdf.results.privacyText': 'Figures are aggregates from accepted progress reports; no personal information about victims or survivors is collected. Counts from 1 to 4 are not published. Counts add up across agreements; percentages are averaged with equal weight per agreement.',
  },
  fr: {
    'pdf.results.title': 'Rapport d’étape annuel',
    'pdf.results.subtitle': 'Rapport d’étape annuel, exercice {year}',
    'pdf.results.introduction': 'Introduction',
    'pdf.results.introText': 'Ce rapport présente ce que les {programs} programmes de paiements de transfert de la stratégie ont financé du {start} au {end}, les dépenses engagées et les résultats déclarés par les organisations financées dans leurs rapports d’étape acceptés.',
    'pdf.results.investment': 'Investissement et dépenses par pilier',
    'pdf.results.funded': 'Durant l’exercice, {agreements} ententes avec {organisations} organisations étaient en vigueur.',
    'pdf.results.gba': 'ACS Plus, {indicator} : part des projets qui déclarent chaque facteur : {shares}.',
    'pdf.results.missing': 'Données encore manquantes (base de référence, cible ou préparation) : {indicators}.',
    'pdf.results.privacy': 'À propos de ces chiffres',
    'pdf.results.privacyText': 'Les chiffres sont des agrégats tirés des rapports d’étape acceptés; aucun renseignement personnel sur les victimes ou les survivants n’est recueilli. Les nombres de 1 à 4 ne sont pas publiés. Les décomptes s’additionnent d’une entente à l’autre; les pourcentages sont des moyennes à poids égal par entente.',
  },
} as const;
