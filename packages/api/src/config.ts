import { DEFAULT_DISCLOSURE_DEPARTMENT_CODE } from '@tp/domain';

export interface ApiConfig {
  /** The address people open, used in emailed links, e.g. http://localhost:3000 */
  appUrl: string;
  /** Demo mode: demo accounts exist and administrators can read sent mail in the app. */
  demo: boolean;
  session: {
    /** A session ends after this long without activity. */
    idleMinutes: number;
    /** ...and in any case this long after sign-in. */
    absoluteHours: number;
  };
  signIn: {
    maxFailures: number;
    lockMinutes: number;
  };
  invitationDays: number;
  passwordResetMinutes: number;
  /** The department's three-digit identifier in the proactive disclosure's reference numbers (DISCLOSURE_DEPARTMENT_CODE). */
  disclosureDepartmentCode: string;
}

export const defaultApiConfig: ApiConfig = {
  appUrl: 'http://localhost:3000',
  demo: true,
  session: { idleMinutes: 60, absoluteHours: 12 },
  signIn: { maxFailures: 5, lockMinutes: 15 },
  invitationDays: 7,
  passwordResetMinutes: 60,
  disclosureDepartmentCode: DEFAULT_DISCLOSURE_DEPARTMENT_CODE,
};
