// The feeds slice: Atom feeds of published bulletins, and e-mail subscriptions with double
// opt-in, digests and one-click unsubscribe, sent through a durable outbox. Its background job
// deletes expired pending subscriptions, queues digests and drains the outbox.
import type { PassageContext, PassageModule } from '../../passage/passage-context.ts';
import { DigestService } from './digest.service.ts';
import { registerFeedRoutes } from './feed.routes.ts';
import { readFeedsConfig } from './feeds-config.ts';
import type { FeedsConfig } from './feeds-config.ts';
import { MailOutbox } from './mail-outbox.ts';
import type { DrainResult } from './mail-outbox.ts';
import { smtpTransport } from './mail-transport.ts';
import type { MailTransport } from './mail-transport.ts';
import { KyselyPublishedItems } from './published-item.kysely.ts';
import type { PublishedItemSource } from './published-item.port.ts';
import { registerSubscriptionRoutes } from './subscription.routes.ts';
import { SubscriptionService } from './subscription.service.ts';

/** The slice's services for one server, reachable by tests and the demo through its context. */
export interface FeedsRuntime {
  config: FeedsConfig;
  items: PublishedItemSource;
  subscriptions: SubscriptionService;
  digests: DigestService;
  /** Undefined without VIGIL_SMTP_URL: mails then wait in the outbox. */
  outbox: MailOutbox | undefined;
  /** One pass of the background job: expire, queue digests, send. */
  runOnce(): Promise<{ digests: number; drained: DrainResult | undefined }>;
}

/** How the module finds its settings and its bulletins (tests replace them). */
export interface FeedsModuleOptions {
  env?: () => Readonly<Record<string, string | undefined>>;
  items?: (context: PassageContext) => PublishedItemSource;
}

const runtimes = new WeakMap<PassageContext, FeedsRuntime & { transport?: MailTransport }>();

/** The feeds runtime wired for `context` (after routes were registered). */
export function feedsRuntimeOf(context: PassageContext): FeedsRuntime {
  const runtime = runtimes.get(context);
  if (runtime === undefined) throw new Error('the feeds module is not wired for this context');
  return runtime;
}

function wire(
  context: PassageContext,
  options: FeedsModuleOptions,
): FeedsRuntime & { transport?: MailTransport } {
  const known = runtimes.get(context);
  if (known !== undefined) return known;
  const config = readFeedsConfig((options.env ?? (() => process.env))());
  const { db, keyring, now } = context;
  const items = (options.items ?? ((c) => new KyselyPublishedItems(c.db)))(context);
  const subscriptions = new SubscriptionService({ db, keyring, config, now });
  const digests = new DigestService({ db, keyring, config, items, now });
  const transport = config.smtpUrl === undefined ? undefined : smtpTransport(config.smtpUrl);
  const outbox =
    transport === undefined
      ? undefined
      : new MailOutbox({ db, keyring, transport, from: config.mailFrom, now });
  const runtime = {
    config,
    items,
    subscriptions,
    digests,
    outbox,
    ...(transport === undefined ? {} : { transport }),
    async runOnce() {
      await subscriptions.deleteExpiredPending();
      const queued = await digests.run();
      return { digests: queued, drained: await outbox?.drain() };
    },
  };
  runtimes.set(context, runtime);
  return runtime;
}

/** The feeds module, reading its settings from `options.env` (default process.env). */
export function createFeedsModule(options: FeedsModuleOptions = {}): PassageModule {
  return {
    registerRoutes(app, context) {
      const runtime = wire(context, options);
      registerFeedRoutes(app, { items: runtime.items, config: runtime.config });
      registerSubscriptionRoutes(app, runtime.subscriptions);
    },
    start(context) {
      const runtime = wire(context, options);
      let running: Promise<unknown> | undefined = undefined;
      const timer = setInterval(() => {
        // One pass at a time: a slow relay must not pile passes up.
        running ??= runtime
          .runOnce()
          .catch((error: unknown) => {
            context.logError(error, 'feeds job');
          })
          .finally(() => {
            running = undefined;
          });
      }, runtime.config.jobIntervalMs);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await running;
        runtime.transport?.close();
      };
    },
  };
}

/** The module as the server wires it. */
export const feedsModule: PassageModule = createFeedsModule();
