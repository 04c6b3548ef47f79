import type { inferOutput } from '@trpc/tanstack-react-query';
import type { trpc } from '../../lib/trpc';

export type ApplicationData = inferOutput<typeof trpc.applications.get>;
export type CallData = inferOutput<typeof trpc.calls.get>;
export type Completeness = inferOutput<typeof trpc.applications.completeness>;
export type MyOrganisation = inferOutput<typeof trpc.organisation.mine>[number];
