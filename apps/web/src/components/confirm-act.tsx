/**
 * An act that cannot be undone, asked first: its button opens a question that says what the act
 * will do, right where the button was; only "Yes" does it, "No" (or Escape) goes back. Focus moves
 * to the question when it opens and back to the button when it closes, so a keyboard user is never
 * lost. `ready` runs first (checks the form) and can keep the question closed.
 */
import { GcdsButton } from '@cdssnc/gcds-components-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/language';

interface ConfirmActProps {
  label: string;
  question: string;
  yes: string;
  onConfirm(): Promise<unknown> | void;
  ready?(): boolean;
  /** The act takes money or access away (reject, deactivate): its buttons say so in red. */
  danger?: boolean;
  secondary?: boolean;
  size?: 'regular' | 'small';
  disabled?: boolean;
  testId?: string;
}

export function ConfirmAct({ label, question, yes, onConfirm, ready, danger = false, secondary = false, size = 'regular', disabled = false, testId }: ConfirmActProps) {
  const { t } = useT();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const opened = useRef(false);

  useEffect(() => {
    if (asking) {
      opened.current = true;
      dialog.current?.focus();
    } else if (opened.current) {
      opened.current = false;
      (opener.current?.firstElementChild as HTMLElement | null)?.focus();
    }
  }, [asking]);

  const close = () => setAsking(false);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
  };

  if (asking) {
    return (
      <div ref={dialog} role="alertdialog" aria-labelledby={`${id}-question`} tabIndex={-1} className="tp-card tp-confirm" onKeyDown={onKeyDown} data-testid={testId ? `${testId}-question` : undefined}>
        <p id={`${id}-question`}>{question}</p>
        <div className="tp-actions">
          <GcdsButton
            type="button"
            buttonRole={danger ? 'danger' : 'primary'}
            disabled={busy}
            onGcdsClick={() => {
              setBusy(true);
              void Promise.resolve(onConfirm()).finally(() => {
                setBusy(false);
                close();
              });
            }}
          >
            {yes}
          </GcdsButton>
          <GcdsButton type="button" buttonRole="secondary" onGcdsClick={close}>
            {t('confirm.no')}
          </GcdsButton>
        </div>
      </div>
    );
  }
  return (
    <span ref={opener} data-testid={testId}>
      <GcdsButton
        type="button"
        size={size}
        buttonRole={danger ? 'danger' : secondary ? 'secondary' : 'primary'}
        disabled={disabled}
        onGcdsClick={() => {
          if (!ready || ready()) setAsking(true);
        }}
      >
        {label}
      </GcdsButton>
    </span>
  );
}
