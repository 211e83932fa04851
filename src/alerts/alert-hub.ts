// In-process fan-out of raised alerts to the staff connected over server-sent events. Alerts
// are stored before they are published, so a client that was offline catches up from the
// store (Last-Event-ID); the hub only makes the push immediate.
import type { Alert } from '../passage/database/alert.repository.ts';

/** Receives alerts as they are raised. */
export type AlertListener = (alert: Alert) => void;

/** Where a raised alert is handed to be pushed (the hub, or a relay that also tells other processes). */
export interface AlertPublisher {
  publish(alert: Alert): void;
}

/** Publishes alerts to this process's subscribers. */
export class AlertHub implements AlertPublisher {
  readonly #listeners = new Set<AlertListener>();

  /** Subscribes; returns the function that unsubscribes. */
  subscribe(listener: AlertListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Pushes `alert` to every subscriber; a failing subscriber is dropped, the rest still get it. */
  publish(alert: Alert): void {
    for (const listener of this.#listeners) {
      try {
        listener(alert);
      } catch {
        this.#listeners.delete(listener);
      }
    }
  }

  /** How many clients are listening. */
  get subscribers(): number {
    return this.#listeners.size;
  }
}
