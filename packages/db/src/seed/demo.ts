/**
 * Demo data: the recipient organisations named in the source documents and one account per
 * role. Only for demonstrations and tests: never run by a migration, never in production
 * unless DEMO=true is set on purpose. Idempotent.
 */
import type { OrganisationType, ProvinceOrTerritory, Role } from '@tp/domain';
import type { Db } from '../transaction';

interface OrganisationSeed {
  legalNameEn: string;
  legalNameFr: string;
  type: OrganisationType;
  provinceOrTerritory: ProvinceOrTerritory;
  businessNumber: string | null;
  /** Where the organisation operates (the disclosure's recipient city and postal code). */
  city: string;
  postalCode: string;
  isIndigenousLed?: boolean;
  isSurvivorLed?: boolean;
}

export const DEMO_ORGANISATIONS: OrganisationSeed[] = [
  { legalNameEn: 'Ka Ni Kanichihk Inc.', legalNameFr: 'Ka Ni Kanichihk Inc.', type: 'indigenous_organisation', provinceOrTerritory: 'MB', businessNumber: '100000001RR0001', city: 'Winnipeg', postalCode: 'R3B 0J1', isIndigenousLed: true },
  { legalNameEn: 'Legal Assistance of Windsor', legalNameFr: 'Legal Assistance of Windsor', type: 'non_profit', provinceOrTerritory: 'ON', businessNumber: '100000002RR0001', city: 'Windsor', postalCode: 'N9A 5K6' },
  { legalNameEn: 'Elizabeth Fry Society Hope and Help for Women', legalNameFr: 'Société Elizabeth Fry Hope and Help for Women', type: 'non_profit', provinceOrTerritory: 'ON', businessNumber: '100000003RR0001', city: 'Hamilton', postalCode: 'L8N 1B4' },
  { legalNameEn: 'Coopérative des travailleuses et travailleurs de théâtre des Bois-Francs', legalNameFr: 'Coopérative des travailleuses et travailleurs de théâtre des Bois-Francs', type: 'other', provinceOrTerritory: 'QC', businessNumber: '100000004RC0001', city: 'Victoriaville', postalCode: 'G6P 6V6' },
  { legalNameEn: 'PLEA Community Services Society of BC', legalNameFr: 'PLEA Community Services Society of BC', type: 'non_profit', provinceOrTerritory: 'BC', businessNumber: '100000005RR0001', city: 'Vancouver', postalCode: 'V5L 3X9' },
  { legalNameEn: 'White Ribbon', legalNameFr: 'Ruban blanc', type: 'non_profit', provinceOrTerritory: 'ON', businessNumber: '100000006RR0001', city: 'Toronto', postalCode: 'M5V 3A8' },
  { legalNameEn: 'Centre for Addiction and Mental Health', legalNameFr: 'Centre de toxicomanie et de santé mentale', type: 'academic', provinceOrTerritory: 'ON', businessNumber: '100000007RR0001', city: 'Toronto', postalCode: 'M6J 1H4' },
  { legalNameEn: 'Canadian Centre for Child Protection', legalNameFr: 'Centre canadien de protection de l’enfance', type: 'non_profit', provinceOrTerritory: 'MB', businessNumber: '100000008RR0001', city: 'Winnipeg', postalCode: 'R3M 3Z4' },
  { legalNameEn: 'Canadian Centre to End Human Trafficking', legalNameFr: 'Centre canadien pour mettre fin à la traite des personnes', type: 'non_profit', provinceOrTerritory: 'ON', businessNumber: '100000009RR0001', city: 'Ottawa', postalCode: 'K1P 5J2' },
  { legalNameEn: 'Government of Alberta', legalNameFr: 'Gouvernement de l’Alberta', type: 'province_or_territory', provinceOrTerritory: 'AB', businessNumber: null, city: 'Edmonton', postalCode: 'T5K 2B6' },
  { legalNameEn: 'Government of British Columbia', legalNameFr: 'Gouvernement de la Colombie-Britannique', type: 'province_or_territory', provinceOrTerritory: 'BC', businessNumber: null, city: 'Victoria', postalCode: 'V8W 9E2' },
  { legalNameEn: 'Government of Ontario', legalNameFr: 'Gouvernement de l’Ontario', type: 'province_or_territory', provinceOrTerritory: 'ON', businessNumber: null, city: 'Toronto', postalCode: 'M7A 1A1' },
  { legalNameEn: 'Government of Quebec', legalNameFr: 'Gouvernement du Québec', type: 'province_or_territory', provinceOrTerritory: 'QC', businessNumber: null, city: 'Québec', postalCode: 'G1R 4S1' },
  { legalNameEn: 'Ontario Provincial Police', legalNameFr: 'Police provinciale de l’Ontario', type: 'provincial_police_service', provinceOrTerritory: 'ON', businessNumber: null, city: 'Orillia', postalCode: 'L3V 7T9' },
  { legalNameEn: 'Winnipeg Police Service', legalNameFr: 'Service de police de Winnipeg', type: 'municipal_police_service', provinceOrTerritory: 'MB', businessNumber: null, city: 'Winnipeg', postalCode: 'R3C 4N9' },
];

/** Every demo account uses this password. Demo data only. */
export const DEMO_PASSWORD = 'demo-password-2026';

export interface DemoUserSeed {
  email: string;
  displayName: string;
  preferredLanguage: 'en' | 'fr';
  role: Role;
  organisation?: string;
}

export const DEMO_USERS: DemoUserSeed[] = [
  { email: 'recipient@example.ca', displayName: 'Léa Cardinal', preferredLanguage: 'en', role: 'recipient', organisation: 'Ka Ni Kanichihk Inc.' },
  { email: 'recipient.windsor@example.ca', displayName: 'Sam Tremblay', preferredLanguage: 'en', role: 'recipient', organisation: 'Legal Assistance of Windsor' },
  { email: 'recipient.c3p@example.ca', displayName: 'Jordan Lavallée', preferredLanguage: 'en', role: 'recipient', organisation: 'Canadian Centre for Child Protection' },
  { email: 'officer@example.ca', displayName: 'Olivia Martin', preferredLanguage: 'en', role: 'program_officer' },
  { email: 'manager@example.ca', displayName: 'Marc Gagnon', preferredLanguage: 'fr', role: 'program_manager' },
  { email: 'reviewer@example.ca', displayName: 'Rina Singh', preferredLanguage: 'en', role: 'reviewer' },
  { email: 'finance@example.ca', displayName: 'François Roy', preferredLanguage: 'fr', role: 'finance_officer' },
  { email: 'analyst@example.ca', displayName: 'Ana Lopez', preferredLanguage: 'en', role: 'results_analyst' },
  { email: 'admin@example.ca', displayName: 'Adam Clarke', preferredLanguage: 'en', role: 'administrator' },
  // A second administrator: a change to the delegation of authority takes effect when another administrator approves it.
  { email: 'admin2@example.ca', displayName: 'Aisha Nwosu', preferredLanguage: 'fr', role: 'administrator' },
  // The deputy head: a program manager's access, and the deputy head's position by appointment (DEMO_APPOINTMENTS).
  { email: 'deputy@example.ca', displayName: 'Nathalie Bouchard', preferredLanguage: 'fr', role: 'program_manager' },
];

/** Appointments in the demo's instrument: proposed by the first administrator, approved by the second. */
const DEMO_APPOINTMENTS = [
  { email: 'deputy@example.ca', position: 'deputy_head' as const, acting: false, startsOn: '2026-04-01', endsOn: null, rationale: 'Order in council appointing the deputy head, effective April 1, 2026.' },
];

export async function seedDemo(db: Db, options: { hashPassword: (password: string) => Promise<string> }): Promise<void> {
  const existing = new Set(
    (await db.selectFrom('appUser').select('email').where('email', 'in', DEMO_USERS.map((u) => u.email)).execute()).map(
      (u) => u.email,
    ),
  );
  const passwordHash = existing.size < DEMO_USERS.length ? await options.hashPassword(DEMO_PASSWORD) : null;
  await db.transaction().execute(async (tx) => {
    for (const o of DEMO_ORGANISATIONS) {
      const found = await tx.selectFrom('organisation').select('id').where('legalNameEn', '=', o.legalNameEn).executeTakeFirst();
      if (!found) await tx.insertInto('organisation').values(o).execute();
    }
    for (const u of DEMO_USERS) {
      if (existing.has(u.email) || !passwordHash) continue;
      const user = await tx
        .insertInto('appUser')
        .values({ email: u.email, displayName: u.displayName, preferredLanguage: u.preferredLanguage, passwordHash, status: 'active' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const organisationId = u.organisation
        ? (await tx.selectFrom('organisation').select('id').where('legalNameEn', '=', u.organisation).executeTakeFirstOrThrow()).id
        : null;
      // Each demo recipient administers its organisation's account (profile, colleagues).
      await tx.insertInto('membership').values({ userId: user.id, role: u.role, organisationId, isOrganisationAdmin: u.role === 'recipient' }).execute();
    }
    const idOf = async (email: string) => (await tx.selectFrom('appUser').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const [first, second] = [await idOf('admin@example.ca'), await idOf('admin2@example.ca')];
    for (const a of DEMO_APPOINTMENTS) {
      const userId = await idOf(a.email);
      if (await tx.selectFrom('positionAppointment').select('id').where('userId', '=', userId).where('position', '=', a.position).executeTakeFirst()) continue;
      const { email: _email, ...appointment } = a;
      const { id } = await tx.insertInto('positionAppointment').values({ ...appointment, userId, proposedBy: first }).returning('id').executeTakeFirstOrThrow();
      await tx.updateTable('positionAppointment').set({ status: 'approved', decidedBy: second, decidedAt: new Date() }).where('id', '=', id).execute();
    }
  });
}
