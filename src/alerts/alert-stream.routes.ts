// GET /api/v1/alerts/stream: server-sent events (text/event-stream). On connect the client gets
// what it missed (after Last-Event-ID, or every unacknowledged alert), then each alert as it is
// raised. A comment line every 15 s keeps proxies from closing an idle stream.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { rolesPolicy } from '../http/route-policy.ts';
import type { Alert, AlertCursor } from '../passage/database/alert.repository.ts';
import { formatAlertCursor, parseAlertCursor } from './alert-cursor.ts';
import type { AlertHub } from './alert-hub.ts';

/** Where the stream reads what a client missed. */
export interface AlertBacklog {
  alertsAfter(cursor: AlertCursor | undefined): Promise<Alert[]>;
}

/** How often an idle stream gets a keep-alive comment. */
export const KEEP_ALIVE_MS = 15_000;

/** Roles that receive alerts (DESIGN.md §5: coordinators see alerts; analysts and monitors act). */
export const ALERT_READERS = ['coordinator', 'analyst', 'monitor', 'admin'] as const;

function writeEvent(reply: FastifyReply, alert: Alert): void {
  // JSON.stringify escapes newlines, so one `data:` line always holds the whole event.
  const id = formatAlertCursor(alert);
  reply.raw.write(`id: ${id}\nevent: alert\ndata: ${JSON.stringify(alert)}\n\n`);
}

/** Registers the alert stream. */
export function registerAlertStreamRoute(
  app: FastifyInstance,
  deps: { hub: AlertHub; backlog: AlertBacklog; keepAliveMs?: number },
): void {
  app.get(
    '/api/v1/alerts/stream',
    {
      config: { policy: rolesPolicy(...ALERT_READERS) },
      schema: { summary: 'Alerts pushed as server-sent events', security: [{ bearer: [] }] },
    },
    async (request, reply) => {
      const resumeAfter = parseAlertCursor(request.headers['last-event-id']);
      // Subscribe before reading the backlog, so an alert raised in between is not lost; one
      // seen twice is sent once.
      const sent = new Set<string>();
      const pending: Alert[] = [];
      let streaming = false;
      const send = (alert: Alert) => {
        if (sent.has(alert.id)) return;
        sent.add(alert.id);
        writeEvent(reply, alert);
      };
      const unsubscribe = deps.hub.subscribe((alert) => {
        if (streaming) send(alert);
        else pending.push(alert);
      });
      const missed = await deps.backlog.alertsAfter(resumeAfter);
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      reply.raw.write('retry: 5000\n\n');
      for (const alert of [...missed, ...pending]) send(alert);
      streaming = true;
      const keepAlive = setInterval(
        () => reply.raw.write(': keep-alive\n\n'),
        deps.keepAliveMs ?? KEEP_ALIVE_MS,
      );
      keepAlive.unref();
      request.raw.once('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
      });
    },
  );
}
