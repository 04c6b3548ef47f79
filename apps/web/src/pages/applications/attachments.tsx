/**
 * Attachments of an application: upload (one file, multipart, same-origin with the session
 * cookie), download and delete. The server decides type and size; a file over the limit is
 * refused here first so that it is not sent at all.
 */
import { GcdsButton, GcdsErrorMessage, GcdsHeading } from '@cdssnc/gcds-components-react';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '@tp/domain';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useT } from '../../i18n/language';
import { problemsFromError, type Problem } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';
import type { ApplicationData } from './types';

const LIMIT_PARAMS = { megabytes: MAX_ATTACHMENT_BYTES / (1024 * 1024), count: MAX_ATTACHMENTS };

export function AttachmentsSection({ app, readOnly }: { app: ApplicationData; readOnly: boolean }) {
  const { t, locale, formatDateTime } = useT();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [uploading, setUploading] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const remove = useMutation(trpc.applications.deleteAttachment.mutationOptions());

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.applications.get.queryKey({ id: app.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.applications.completeness.queryKey({ id: app.id }) }),
    ]);

  async function upload() {
    setProblem(null);
    setDone(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setProblem({ key: 'error.attachment.missingFile' });
      return;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setProblem({ key: 'error.attachment.tooLarge', params: LIMIT_PARAMS });
      return;
    }
    setUploading(true);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const response = await fetch(`/attachments/${app.id}`, { method: 'POST', body, credentials: 'same-origin' });
      if (!response.ok) {
        const answer = (await response.json().catch(() => null)) as { error?: { data?: { messageKey?: string } } } | null;
        setProblem({ key: answer?.error?.data?.messageKey ?? 'error.unavailable', params: LIMIT_PARAMS });
        return;
      }
      setDone(file.name);
      if (input.current) input.current.value = '';
      await refresh();
    } catch {
      setProblem({ key: 'error.unavailable' });
    } finally {
      setUploading(false);
    }
  }

  async function deleteOne(attachmentId: string) {
    setProblem(null);
    setDone(null);
    try {
      await remove.mutateAsync({ applicationId: app.id, attachmentId });
      await refresh();
    } catch (error) {
      setProblem(problemsFromError(error).form);
    }
  }

  const size = (bytes: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(bytes / 1024);
  const { problem: message } = useT();
  return (
    <section id="section-attachments" aria-labelledby="heading-attachments" className="tp-section tp-app-section">
      <GcdsHeading tag="h2" id="heading-attachments">
        {t('apply.section.attachments')}
      </GcdsHeading>
      {app.attachments.length === 0 ? (
        <p>{t('apply.attachments.none')}</p>
      ) : (
        <ul className="tp-plain-list tp-attachments" data-testid="attachments">
          {app.attachments.map((a) => (
            <li key={a.id} className="tp-row-actions" style={{ marginBlock: 'var(--gcds-spacing-200)' }}>
              <a className="tp-link" href={`/attachments/${app.id}/${a.id}`} download={a.fileName}>
                {a.fileName}
              </a>{' '}
              <span>
                ({size(Number(a.sizeBytes))}, {formatDateTime(a.uploadedAt)})
              </span>
              {readOnly ? null : (
                <GcdsButton type="button" buttonRole="danger" size="small" disabled={remove.isPending} onGcdsClick={() => void deleteOne(a.id)}>
                  {t('apply.attachments.delete', { name: a.fileName })}
                </GcdsButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {readOnly ? null : (
        <div className="tp-upload" style={{ marginBlockStart: 'var(--gcds-spacing-400)' }}>
          <label htmlFor="attachment-file" style={{ display: 'block', fontWeight: 700 }}>
            {t('apply.attachments.choose')}
          </label>
          <p id="attachment-hint" style={{ marginBlock: 'var(--gcds-spacing-100) var(--gcds-spacing-200)' }}>
            {t('apply.attachments.hint', LIMIT_PARAMS)}
          </p>
          {problem ? (
            <div style={{ display: 'block' }}>
              <GcdsErrorMessage messageId="attachment-error">
                <span data-testid="attachment-error">{message(problem)}</span>
              </GcdsErrorMessage>
            </div>
          ) : null}
          <input
            ref={input}
            id="attachment-file"
            type="file"
            aria-describedby={problem ? 'attachment-hint attachment-error' : 'attachment-hint'}
            aria-invalid={problem ? true : undefined}
            accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg"
            style={{ display: 'block', fontSize: '1rem' }}
          />
          <div className="tp-actions">
            <GcdsButton type="button" buttonRole="secondary" disabled={uploading} onGcdsClick={() => void upload()}>
              {uploading ? t('apply.attachments.uploading') : t('apply.attachments.upload')}
            </GcdsButton>
          </div>
          {done ? (
            <p role="status" data-testid="attachment-done">
              {t('apply.attachments.uploaded', { name: done })}
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
