/**
 * A page loaded on first visit (its own chunk), so the first screen downloads only what it shows.
 * TanStack Router renders each route inside a Suspense boundary, which shows while it loads.
 */
import { lazy, type ComponentType } from 'react';

export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<unknown> })) as M[K];
}
