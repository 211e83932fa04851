// The console's views, each with the roles that may open it (the API checks again: a view only
// saves a click). A view is chosen by the URL's hash (#/checkpoint, #/desk), so a reload keeps it.
import type { ComponentType } from 'react';
import { CheckpointMode } from './checkpoint/CheckpointMode.tsx';
import { AnalystDesk } from './desk/AnalystDesk.tsx';
import type { StaffRole, StaffSession } from './session.ts';

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
