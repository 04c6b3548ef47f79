/**
 * Autosave of one section of a draft application: a change schedules a save after 1.5 s without
 * typing; leaving the section (or the page) saves at once. Saves of a section run one after the
 * other, so the last change always wins. Problems come back by path ("data.lines.1.fiscalYear")
 * and are shown with the field of that path.
 */
import type { ApplicationSection, SaveSectionInput } from '@tp/domain';
import { useMutation } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { NO_PROBLEMS, problemsFromError, problemsFromIssues, type FormProblems } from '../../lib/form-problems';
import { queryClient, trpc } from '../../lib/trpc';

export const AUTOSAVE_DELAY_MS = 1500;

export type Built<S extends ApplicationSection> =
  | { ok: true; data: Extract<SaveSectionInput, { section: S }>['data'] }
  | { ok: false; problems: FormProblems };

/** Client-side problems under "data." like the server's. */
export function dataProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FormProblems {
  return problemsFromIssues(
    issues.map((i) => ({ ...i, path: ['data', ...i.path] })),
    (field) => field.startsWith('data.'),
  );
}

export interface SaveState {
  saving: boolean;
  savedAt: Date | null;
  problems: FormProblems;
}

/** Every section's "save now", so that submission waits for the last keystrokes. */
export const FlushRegistry = createContext<Set<() => Promise<void>> | null>(null);

export function useAutosave<S extends ApplicationSection, D>(applicationId: string, section: S, build: (draft: D) => Built<S>, initial: D) {
  const [draft, setDraft] = useState<D>(initial);
  const [state, setState] = useState<SaveState>({ saving: false, savedAt: null, problems: NO_PROBLEMS });
  const latest = useRef(draft);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const buildRef = useRef(build);
  buildRef.current = build;
  const { mutateAsync } = useMutation(trpc.applications.saveSection.mutationOptions());
  const registry = useContext(FlushRegistry);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    queue.current = queue.current.then(async () => {
      if (!dirty.current) return;
      dirty.current = false;
      const built = buildRef.current(latest.current);
      if (!built.ok) {
        setState((s) => ({ ...s, problems: built.problems }));
        return;
      }
      setState((s) => ({ ...s, saving: true }));
      try {
        await mutateAsync({ id: applicationId, section, data: built.data } as never);
        setState({ saving: false, savedAt: new Date(), problems: NO_PROBLEMS });
        await queryClient.invalidateQueries({ queryKey: trpc.applications.completeness.queryKey({ id: applicationId }) });
      } catch (error) {
        setState((s) => ({ ...s, saving: false, problems: problemsFromError(error, (field) => field.startsWith('data.')) }));
      }
    });
    return queue.current;
  }, [applicationId, section, mutateAsync]);

  useEffect(() => {
    registry?.add(flush);
    return () => {
      registry?.delete(flush);
      void flush();
    };
  }, [registry, flush]);

  const change = useCallback(
    (next: D) => {
      latest.current = next;
      dirty.current = true;
      setDraft(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** For the section's onBlur: save when focus leaves the section. */
  const onBlur = useCallback(
    (event: React.FocusEvent<HTMLElement>) => {
      const to = event.relatedTarget as Node | null;
      if (!to || !event.currentTarget.contains(to)) void flush();
    },
    [flush],
  );

  return { draft, change, flush, onBlur, state };
}
