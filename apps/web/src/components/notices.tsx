/** Messages above a form or a page: a problem (danger) or a confirmation (success). */
import { GcdsNotice } from '@cdssnc/gcds-components-react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/language';
import type { Problem } from '../lib/form-problems';

export function ProblemNotice({ problem }: { problem: Problem | null }) {
  const { t, problem: message } = useT();
  if (!problem) return null;
  return (
    <div role="alert" className="tp-notice">
      <GcdsNotice type="danger" noticeTitleTag="h2" noticeTitle={t('common.errorTitle')}>
        <p className="tp-notice-text" data-testid="form-problem">{message(problem)}</p>
      </GcdsNotice>
    </div>
  );
}

export function SuccessNotice({ children }: { children: ReactNode }) {
  const { t } = useT();
  return (
    <div role="status" className="tp-notice">
      <GcdsNotice type="success" noticeTitleTag="h2" noticeTitle={t('common.successTitle')}>
        <p className="tp-notice-text">{children}</p>
      </GcdsNotice>
    </div>
  );
}

export function InfoNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="tp-notice">
      <GcdsNotice type="info" noticeTitleTag="h2" noticeTitle={title}>
        <p className="tp-notice-text">{children}</p>
      </GcdsNotice>
    </div>
  );
}
