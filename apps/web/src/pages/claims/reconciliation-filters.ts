/** Kept apart from the page so the route can read the address without loading the page's code. */
/** The reconciliation's filters, held in the address so Back, a reload and a bookmark keep them. */
export interface ReconciliationFilters {
  programId?: string;
  fiscalYear?: string;
  byCategory?: boolean;
  search?: string;
  page?: number;
}

export function reconciliationFilters(search: Record<string, unknown>): ReconciliationFilters {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v.slice(0, 200) : undefined);
  const page = Number(search.page);
  return {
    ...(text(search.programId) ? { programId: text(search.programId) } : {}),
    ...(text(search.fiscalYear) ? { fiscalYear: text(search.fiscalYear) } : {}),
    ...(search.byCategory === true || search.byCategory === 'true' ? { byCategory: true } : {}),
    ...(text(search.search) ? { search: text(search.search) } : {}),
    ...(Number.isInteger(page) && page > 1 ? { page } : {}),
  };
}
