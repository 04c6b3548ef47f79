import type { Generated, Selectable } from 'kysely';
import type { Language } from '@tp/domain';

export interface MailMessageTable {
  id: Generated<string>;
  toAddress: string;
  language: Language;
  template: string;
  subject: string;
  bodyText: string;
  status: Generated<'queued' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: Generated<Date>;
  sentAt: Date | null;
}

export type MailMessage = Selectable<MailMessageTable>;
