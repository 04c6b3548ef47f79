/** What the browser needs from the catalogs: the screen messages only (see ui-catalog.ts). */
import { translator, uiEn, uiFr, type UiMessageKey } from './ui-catalog';

export { pickLanguage, type Lang, type UiMessageKey as MessageKey } from './ui-catalog';

const web = translator<UiMessageKey>({ en: uiEn, fr: uiFr });
export const isMessageKey = web.isKey;
export const translate = web.translate;
export const catalogs = { en: uiEn, fr: uiFr };
