// The console's views, each with the roles that may open it (the API checks again: a view only
// saves a click). A view is chosen by the URL's hash (#/checkpoint, #/desk), so a reload keeps it.
// Each view is its own chunk, loaded when first opened: a monitor's phone never downloads the
// analyst desk (the service worker still keeps every chunk for offline use).
import { lazy } from 'react';
import type { ComponentType } from 'react';
import type { StaffRole, StaffSession } from './session.ts';

const CheckpointMode = lazy(async () => ({
  default: (await import('./checkpoint/CheckpointMode.tsx')).CheckpointMode,
}));
const AnalystDesk = lazy(async () => ({
  default: (await import('./desk/AnalystDesk.tsx')).AnalystDesk,
}));

/** What every view is given. */
export interface ViewProps {
  readonly session: StaffSession;
}

/** One view of the console. */
export interface View {
  readonly id: 'checkpoint' | 'desk';
  readonly roles: readonly StaffRole[];
  readonly component: ComponentType<ViewProps>;
}

/** Every view, in the navigation's order. */
export const VIEWS: readonly View[] = [
  { id: 'checkpoint', roles: ['monitor', 'coordinator', 'admin'], component: CheckpointMode },
  { id: 'desk', roles: ['analyst', 'coordinator', 'admin'], component: AnalystDesk },
];

/** The views `role` may open. */
export function viewsOf(role: StaffRole): readonly View[] {
  return VIEWS.filter((view) => view.roles.includes(role));
}
