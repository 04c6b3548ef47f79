/** Helpers for the browser tests: Debian's chromium through playwright-core, and the demo accounts. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { catalogs, type Lang, type MessageKey } from '@tp/i18n';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'demo-password-2026';
export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../.test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const baseUrl = () => inject('baseUrl');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh visitor (no cookies) whose browser speaks Canadian English. */
export async function newVisitor(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale: 'en-CA', viewport: { width: 1280, height: 900 } });
  // Anything the Content-Security-Policy blocks is recorded, for cspViolations() to report.
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** What the page's Content-Security-Policy blocked since it loaded (nothing, if the app is right). */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
}

export const text = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) =>
  catalogs[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));

/** Fills and sends the sign-in form (in whatever language the page is). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, { navigate = true } = {}): Promise<void> {
  if (navigate) await page.goto('/sign-in');
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(password);
  await page.locator('main form').getByRole('button').click();
}

/** Waits for the page's h1 to read `name` (GCDS headings render their text through a slot). */
export async function expectHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ state: 'visible' });
}

/**
 * The error shown with a field: once its input is aria-invalid, the text of what the input is
 * described by (aria-describedby), read inside the GCDS component's shadow root.
 */
export async function fieldError(page: Page, inputId: string): Promise<string> {
  const handle = await page.waitForFunction((id) => {
    const host = [...document.querySelectorAll('gcds-input, gcds-select')].find((el) => el.shadowRoot?.getElementById(id));
    const input = host?.shadowRoot?.getElementById(id);
    if (!host?.shadowRoot || !input || input.getAttribute('aria-invalid') !== 'true') return null;
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const described = ids.map((d) => (host.shadowRoot?.getElementById(d)?.textContent ?? '').trim()).join(' ').trim();
    return described || null;
  }, inputId);
  return (await handle.jsonValue()) as string;
}

/**
 * A picture of the page for the record; and, on every page pictured, no message shows a
 * placeholder left unfilled ("{total}"), in the page or in its components' shadow roots.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  const unfilled = await page.evaluate(() => {
    const texts: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      const nodes = document.createTreeWalker(root instanceof Document ? root.body : root, NodeFilter.SHOW_TEXT);
      for (let n = nodes.nextNode(); n; n = nodes.nextNode()) {
        const parent = n.parentElement?.tagName;
        if (parent !== 'STYLE' && parent !== 'SCRIPT') texts.push(n.textContent ?? '');
      }
      root.querySelectorAll('*').forEach((el) => el.shadowRoot && walk(el.shadowRoot));
    };
    walk(document);
    return texts.join(' ').match(/\{[a-zA-Z]+\}/g) ?? [];
  });
  expect(unfilled, `unfilled placeholders on ${name}`).toEqual([]);
}

/** Violations of impact serious or critical found by axe-core in the current page. */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // GCDS components label their inner fields once hydrated (Stencil marks them with "hydrated");
  // checking before that would report labels that are about to exist.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('*')].every((e) => !e.tagName.startsWith('GCDS-') || e.classList.contains('hydrated')),
  );
  // Evaluated by the browser's debugging protocol, which the page's Content-Security-Policy does
  // not govern (an inline <script> tag would be refused, as it should be).
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Clicks the header's language toggle and waits for <html lang> to change. */
export async function toggleLanguage(page: Page, to: Lang): Promise<void> {
  await page.locator('gcds-lang-toggle a').click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
}

/**
 * Puts a signed-in demo account back in `to` and waits until the server has saved it: the browser
 * tests share one database, so a test that changes a demo account's language must restore it,
 * and closing the page before the request lands would silently keep the change.
 */
export async function restoreAccountLanguage(page: Page, to: Lang): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().includes('auth.setLanguage') && r.ok());
  await toggleLanguage(page, to);
  await saved;
}

export interface DemoAccount {
  email: string;
  home: string;
  heading: MessageKey;
  /** The language the account prefers (the UI switches to it at sign-in when no choice was made). */
  lang: Lang;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'recipient@example.ca', home: '/recipient', heading: 'recipient.title', lang: 'en' },
  { email: 'officer@example.ca', home: '/officer', heading: 'programs.officerTitle', lang: 'en' },
  { email: 'manager@example.ca', home: '/manager', heading: 'programs.managerTitle', lang: 'fr' },
  { email: 'reviewer@example.ca', home: '/reviewer', heading: 'reviewer.title', lang: 'en' },
  { email: 'finance@example.ca', home: '/finance', heading: 'finance.title', lang: 'fr' },
  { email: 'analyst@example.ca', home: '/results', heading: 'results.title', lang: 'en' },
  { email: 'admin@example.ca', home: '/admin', heading: 'admin.title', lang: 'en' },
];
