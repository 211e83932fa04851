// Alerts, live: the unacknowledged ones (GET /api/v1/alerts), then each new one as the server
// pushes it (GET /api/v1/alerts/stream, server-sent events, the session cookie going along as
// with every same-origin request). The stream first replays what is unacknowledged; only an
// alert not already listed counts as new and is announced.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api.ts';
import type { Alert } from './alert-list.ts';
import { mergeAlerts } from './alert-list.ts';

/** Whether new alerts arrive: connecting, live, or paused (the stream was refused or closed). */
export type StreamState = 'connecting' | 'live' | 'paused';

/** The desk's alerts. */
export interface Alerts {
  readonly list: readonly Alert[];
  /** Alerts that arrived while the desk was open, newest first. */
  readonly arrived: readonly Alert[];
  readonly stream: StreamState;
  /** Takes an acknowledged alert off the list. */
  readonly remove: (id: string) => void;
}

function parseAlert(data: unknown): Alert | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null || !('id' in value)) return undefined;
    return value as Alert;
  } catch {
    return undefined;
  }
}

/** Follows the alerts while the desk is open. */
export function useAlerts(): Alerts {
  const [list, setList] = useState<readonly Alert[]>([]);
  const [arrived, setArrived] = useState<readonly Alert[]>([]);
  const [stream, setStream] = useState<StreamState>('connecting');
  useEffect(() => {
    let source: EventSource | undefined;
    let live = true;
    const known = new Set<string>();
    const receive = (event: MessageEvent) => {
      const alert = parseAlert(event.data);
      if (alert === undefined) return;
      setList((current) => mergeAlerts(current, [alert]));
      if (!known.has(alert.id)) {
        known.add(alert.id);
        setArrived((current) => mergeAlerts(current, [alert]));
      }
    };
    const connect = () => {
      if (!live) return;
      source = new EventSource('/api/v1/alerts/stream');
      source.addEventListener('open', () => {
        setStream('live');
      });
      source.addEventListener('alert', receive);
      source.addEventListener('error', () => {
        // A refused stream (signed out) is closed for good; a dropped one reconnects by itself.
        setStream(source?.readyState === EventSource.CLOSED ? 'paused' : 'connecting');
      });
    };
    api<{ alerts: Alert[] }>('GET', '/api/v1/alerts').then(
      (answer) => {
        for (const alert of answer.alerts) known.add(alert.id);
        if (live) setList((current) => mergeAlerts(current, answer.alerts));
        connect();
      },
      () => {
        connect();
      },
    );
    return () => {
      live = false;
      source?.close();
    };
  }, []);
  const remove = useCallback((id: string) => {
    setList((current) => current.filter((alert) => alert.id !== id));
    setArrived((current) => current.filter((alert) => alert.id !== id));
  }, []);
  return { list, arrived, stream, remove };
}
