// The declared access of every route of the API, written out by hand so that a change of access
// is a visible change here. route-matrix.test.ts checks the running app against it: a route
// missing from this table, or answering a credential otherwise than declared, fails.
import type { CredentialKind, Role } from '../../src/auth/roles.ts';

/** Who may call a route: anyone; these roles through any credential; or only through `via`. */
export type ExpectedAccess =
  | 'public'
  | readonly Role[]
  | { readonly roles: readonly Role[]; readonly via: readonly CredentialKind[] };

const STAFF = ['admin', 'coordinator', 'analyst', 'monitor', 'hotline'] as const;
const sessions = (...roles: Role[]): ExpectedAccess => ({ roles, via: ['session'] });

/** 'METHOD url' → access. HEAD twins of GET routes are implied (same access). */
export const EXPECTED: Readonly<Record<string, ExpectedAccess>> = {
  'GET /': 'public',
  'GET /site/*': 'public',
  'GET /api/v1': 'public',
  'GET /api/openapi.json': 'public',
  'GET /log/checkpoint': 'public',
  'GET /log/policy': 'public',
  'GET /log/tile/*': 'public',
  'GET /verify': 'public',
  'GET /verify/*': 'public',
  'GET /portal': 'public',
  'GET /portal/*': 'public',
  'GET /console': 'public',
  'GET /console/*': 'public',
  'GET /api/v1/log': 'public',
  'POST /api/v1/notary': ['partner', 'admin'],
  'POST /api/v1/session': 'public',
  'GET /api/v1/session': sessions(...STAFF),
  'DELETE /api/v1/session': sessions(...STAFF),
  'POST /api/v1/users': sessions('admin'),
  'GET /api/v1/users': sessions('admin'),
  'POST /api/v1/devices': sessions('monitor', 'coordinator', 'admin'),
  'DELETE /api/v1/devices/:id': sessions('admin', 'coordinator'),
  'POST /api/v1/sync': { roles: ['monitor', 'coordinator', 'admin'], via: ['device'] },
  'GET /api/v1/alerts': ['coordinator', 'analyst', 'monitor', 'admin'],
  'GET /api/v1/alerts/stream': ['coordinator', 'analyst', 'monitor', 'admin'],
  'POST /api/v1/alerts/:id/acknowledge': ['coordinator', 'admin'],
  // oversight: reconciliation, welfare contacts, a household's own check-in
  'GET /api/v1/reconciliation': ['coordinator', 'analyst', 'admin'],
  'GET /api/v1/welfare-contacts': ['coordinator', 'monitor', 'hotline'],
  'POST /api/v1/welfare-contacts/:id/done': ['monitor', 'hotline', 'coordinator'],
  'POST /api/v1/portal/check-in': 'public',
  // field: journeys (office sessions and monitors' devices), held cases, tracing requests
  'GET /api/v1/journeys/:id': {
    roles: ['coordinator', 'analyst', 'monitor', 'hotline', 'admin'],
    via: ['session', 'device'],
  },
  'POST /api/v1/journeys/:id/transitions': {
    roles: ['coordinator', 'monitor', 'admin'],
    via: ['session', 'device'],
  },
  'GET /api/v1/held-cases': sessions('coordinator', 'analyst', 'admin'),
  'GET /api/v1/held-cases/:id': sessions('coordinator', 'analyst', 'admin'),
  'POST /api/v1/held-cases/:id/transitions': sessions('coordinator', 'admin'),
  'POST /api/v1/tracing-requests': sessions('hotline', 'coordinator'),
  'GET /api/v1/tracing-requests': sessions('hotline', 'coordinator', 'analyst'),
  'GET /api/v1/tracing-requests/:id': sessions('hotline', 'coordinator', 'analyst'),
  'POST /api/v1/tracing-requests/:id/transitions': sessions('hotline', 'coordinator'),
  // registry: gazetteer, operations, households, identity access, family status look-up
  'GET /api/v1/places': 'public',
  'GET /api/v1/places/:id': 'public',
  'POST /api/v1/places': ['admin', 'coordinator'],
  'POST /api/v1/places/:id/control': ['admin', 'coordinator'],
  'PUT /api/v1/route-legs': ['admin', 'coordinator'],
  'POST /api/v1/operations': ['coordinator', 'admin'],
  'GET /api/v1/operations': sessions(...STAFF),
  'GET /api/v1/operations/:id': sessions(...STAFF),
  'POST /api/v1/operations/:id/transitions': ['coordinator', 'admin'],
  'POST /api/v1/operations/:id/manifests': ['coordinator', 'admin'],
  'GET /api/v1/operations/:id/manifests': {
    roles: ['coordinator', 'analyst', 'monitor', 'admin'],
    via: ['session', 'device'],
  },
  'GET /api/v1/checkpoint-roster': {
    roles: ['monitor', 'coordinator', 'admin'],
    via: ['session', 'device'],
  },
  'POST /api/v1/households': ['hotline', 'monitor', 'coordinator', 'admin'],
  'POST /api/v1/portal/households': 'public',
  'GET /api/v1/households/:id': ['coordinator', 'analyst', 'hotline', 'monitor'],
  'PATCH /api/v1/households/:id/intention': ['hotline', 'coordinator'],
  'POST /api/v1/households/:id/consents': ['hotline', 'coordinator'],
  'POST /api/v1/people/search': sessions('hotline', 'coordinator'),
  'POST /api/v1/people/:personRef/identity': sessions('hotline', 'coordinator'),
  'POST /api/v1/status-lookup': 'public',
  // monitoring — intake: sources, information items, resident reports, CSV import
  'POST /api/v1/sources': sessions('analyst', 'coordinator'),
  'GET /api/v1/sources': sessions('analyst', 'coordinator'),
  'GET /api/v1/sources/:id': sessions('analyst', 'coordinator'),
  'POST /api/v1/sources/:id/grading': sessions('analyst', 'coordinator'),
  'POST /api/v1/sources/:id/risk': sessions('analyst', 'coordinator'),
  'POST /api/v1/sources/:id/contact': sessions('hotline', 'coordinator'),
  'POST /api/v1/info-items': sessions('hotline', 'analyst', 'coordinator'),
  'POST /api/v1/partner-reports': ['partner'],
  'GET /api/v1/info-items': sessions('analyst', 'coordinator'),
  'GET /api/v1/info-items/:id': sessions('analyst', 'coordinator'),
  'POST /api/v1/info-items/:id/account': sessions('analyst', 'coordinator'),
  'POST /api/v1/info-items/:id/grading': sessions('analyst', 'coordinator'),
  'POST /api/v1/info-items/:id/set-aside': sessions('analyst', 'coordinator'),
  'POST /api/v1/info-items/import': sessions('analyst', 'coordinator'),
  'POST /api/v1/resident-reports': 'public',
  'POST /api/v1/resident-reports/status': 'public',
  'POST /api/v1/resident/reports': ['resident'],
  'GET /api/v1/resident/reports': ['resident'],
  // monitoring — incidents: verification workflow, versions, links, statistics
  'POST /api/v1/incidents': sessions('analyst', 'coordinator', 'admin'),
  'GET /api/v1/incidents': sessions('analyst', 'coordinator', 'admin', 'hotline'),
  'GET /api/v1/incidents/:id': sessions('analyst', 'coordinator', 'admin'),
  'GET /api/v1/incidents/:id/narrative': sessions('analyst', 'coordinator', 'admin'),
  'POST /api/v1/incidents/:id/versions': sessions('analyst', 'coordinator', 'admin'),
  'POST /api/v1/incidents/:id/transitions': sessions('analyst', 'coordinator', 'admin'),
  'POST /api/v1/incidents/:id/merge': sessions('analyst', 'coordinator', 'admin'),
  'POST /api/v1/incidents/:id/items': sessions('analyst', 'coordinator', 'admin'),
  'POST /api/v1/incidents/:id/cases': sessions('analyst', 'coordinator', 'admin'),
  // monitoring — analysis: duplicate suggestions
  'GET /api/v1/duplicates': sessions('analyst', 'coordinator'),
  'GET /api/v1/duplicates/incidents/:id': sessions('analyst', 'coordinator'),
  'GET /api/v1/duplicates/info-items/:id': sessions('analyst', 'coordinator'),
  'POST /api/v1/duplicates/decisions': sessions('analyst', 'coordinator'),
  'GET /api/v1/duplicates/decisions/:id': sessions('analyst', 'coordinator'),
  'GET /api/v1/incident-statistics': sessions('analyst', 'coordinator', 'admin'),
  // monitoring — evidence: files, custody, legal hold
  'POST /api/v1/evidence': sessions('admin', 'coordinator', 'analyst', 'monitor'),
  'GET /api/v1/evidence': sessions('admin', 'coordinator', 'analyst'),
  'GET /api/v1/evidence/:id': sessions('admin', 'coordinator', 'analyst'),
  'GET /api/v1/evidence/:id/custody': sessions('admin', 'coordinator', 'analyst'),
  'GET /api/v1/evidence/:id/original': sessions('admin', 'coordinator', 'analyst'),
  'GET /api/v1/evidence/:id/file-name': sessions('admin', 'coordinator', 'analyst'),
  'POST /api/v1/evidence/:id/working-copy': sessions('admin', 'coordinator', 'analyst'),
  'POST /api/v1/evidence/:id/hash-check': sessions('admin', 'coordinator', 'analyst'),
  'POST /api/v1/evidence/:id/links': sessions('coordinator', 'analyst'),
  'POST /api/v1/evidence/:id/legal-hold': sessions('admin', 'coordinator'),
  'POST /api/v1/evidence/:id/deletion': sessions('admin', 'coordinator'),
  // monitoring — commitments, access restrictions, patrols, hotline contacts
  'GET /api/v1/commitments': 'public',
  'GET /api/v1/commitments/:id': 'public',
  'GET /api/v1/commitments/:id/evidence': 'public',
  'POST /api/v1/commitments': sessions('analyst', 'coordinator'),
  'POST /api/v1/commitments/:id/versions': sessions('analyst', 'coordinator'),
  'POST /api/v1/commitments/:id/links': sessions('analyst', 'coordinator'),
  'POST /api/v1/commitment-links/:id/withdrawal': sessions('analyst', 'coordinator'),
  'GET /api/v1/commitments/:id/timeline': sessions(...STAFF),
  'GET /api/v1/access-restrictions': 'public',
  'POST /api/v1/access-restrictions': sessions('monitor', 'coordinator'),
  'GET /api/v1/access-restrictions/:id': 'public',
  'POST /api/v1/access-restrictions/:id/versions': sessions('monitor', 'coordinator'),
  'POST /api/v1/patrols': sessions('monitor', 'coordinator'),
  'GET /api/v1/patrols': sessions('monitor', 'coordinator', 'analyst'),
  'GET /api/v1/patrols/:id': sessions('monitor', 'coordinator', 'analyst'),
  'POST /api/v1/patrols/:id/transitions': sessions('monitor', 'coordinator'),
  'POST /api/v1/hotline-contacts': sessions('hotline', 'coordinator'),
  'GET /api/v1/hotline-contacts': sessions('hotline', 'coordinator', 'analyst'),
  'POST /api/v1/hotline-contacts/:id/response': sessions('hotline', 'coordinator'),
  'GET /api/v1/hotline-contacts/statistics': sessions('hotline', 'coordinator', 'analyst'),
  // transparency — bulletins: published ones to anyone; drafts to staff; approval by coordinators
  'GET /api/v1/bulletins': 'public',
  'GET /api/v1/bulletins/:id': 'public',
  'GET /bulletins/:id': 'public',
  'GET /bulletins/:id/pdf': 'public',
  'GET /bulletins/:id/proof': 'public',
  'GET /api/v1/bulletins/drafts': sessions('analyst', 'coordinator', 'admin'),
  'GET /api/v1/bulletins/:id/versions': sessions('analyst', 'coordinator', 'admin'),
  'POST /api/v1/bulletins': sessions('analyst', 'coordinator'),
  'POST /api/v1/bulletins/:id/texts': sessions('analyst', 'coordinator'),
  'POST /api/v1/bulletins/:id/figures': sessions('analyst', 'coordinator'),
  'POST /api/v1/bulletins/:id/approval': sessions('coordinator'),
  'POST /api/v1/bulletins/:id/publication': sessions('coordinator'),
  'POST /api/v1/bulletins/:id/corrections': sessions('analyst', 'coordinator'),
  // transparency — open data: public catalogue and files; releases and corrections by publishers
  'GET /api/v1/open-data': 'public',
  'GET /open-data/:dataset/:file': 'public',
  'GET /open-data/:dataset/methodology': 'public',
  'GET /open-data/:dataset/corrections': 'public',
  'GET /open-data/:dataset/:version/proof': 'public',
  'GET /open-data/:dataset/corrections/:index/proof': 'public',
  'POST /api/v1/open-data/:dataset/releases': sessions('coordinator', 'admin'),
  'POST /api/v1/open-data/:dataset/corrections': sessions('coordinator', 'admin'),
  // transparency — feeds and e-mail subscriptions (links in mails carry a random token)
  'GET /feeds/:feed': 'public',
  'POST /api/v1/subscriptions': 'public',
  'GET /subscriptions/confirm/:token': 'public',
  'POST /subscriptions/confirm/:token': 'public',
  'GET /unsubscribe/:token': 'public',
  'POST /unsubscribe/:token': 'public',
};

/** True when a caller of `role` holding a `kind` credential may call a route with `access`. */
export function isAllowed(access: ExpectedAccess, role: Role, kind: CredentialKind): boolean {
  if (access === 'public') return true;
  if ('via' in access) return access.roles.includes(role) && access.via.includes(kind);
  return access.includes(role);
}
