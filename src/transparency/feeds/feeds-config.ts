// The feeds slice's settings, read from the environment when the server starts (the module
// list is static, so the slice reads its own variables; see docs/feeds.md):
// - VIGIL_PUBLIC_URL: the public origin readers reach (links in feeds and mails);
// - VIGIL_SMTP_URL: smtp:// or smtps:// URL of the relay that sends subscription mail;
// - VIGIL_MAIL_FROM: the From address of those mails;
// - VIGIL_MAIL_INTERVAL_MS: how often the mail job runs (digests, outbox); default 30 s.
// Without VIGIL_SMTP_URL subscriptions are still accepted and their mails wait in the outbox
// until a server with a relay starts (decided so: an unsent mail is never lost, and the public
// API answers the same whatever the operator's set-up).

/** What the slice needs to know about the deployment. */
export interface FeedsConfig {
  /** Origin without a trailing slash, e.g. https://vigil.example.org. */
  publicUrl: string;
  /** The `tag:` authority of feed and entry ids (RFC 4151): the public URL's host. */
  tagAuthority: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Milliseconds between two passes of the mail job. */
  jobIntervalMs: number;
}

/** The mail job's pace when VIGIL_MAIL_INTERVAL_MS is unset. */
export const DEFAULT_JOB_INTERVAL_MS = 30_000;

/** The origin used when VIGIL_PUBLIC_URL is unset (a development server). */
export const DEFAULT_PUBLIC_URL = 'http://localhost:8080';

/** Reads the settings; throws on a malformed URL so a typo stops the start, not a mail. */
export function readFeedsConfig(env: Readonly<Record<string, string | undefined>>): FeedsConfig {
  const publicUrl = new URL(env['VIGIL_PUBLIC_URL'] ?? DEFAULT_PUBLIC_URL);
  if (publicUrl.protocol !== 'https:' && publicUrl.protocol !== 'http:') {
    throw new Error('VIGIL_PUBLIC_URL must be an http(s) URL');
  }
  const smtpUrl = env['VIGIL_SMTP_URL'];
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new Error('VIGIL_SMTP_URL must be an smtp:// or smtps:// URL');
  }
  const interval = Number(env['VIGIL_MAIL_INTERVAL_MS'] ?? DEFAULT_JOB_INTERVAL_MS);
  if (!Number.isInteger(interval) || interval < 100) {
    throw new Error('VIGIL_MAIL_INTERVAL_MS must be a whole number of milliseconds, at least 100');
  }
  return {
    jobIntervalMs: interval,
    publicUrl: publicUrl.origin,
    tagAuthority: publicUrl.hostname,
    smtpUrl: smtpUrl === '' ? undefined : smtpUrl,
    mailFrom: env['VIGIL_MAIL_FROM'] ?? `Vigil <no-reply@${publicUrl.hostname}>`,
  };
}

/** `url` made absolute under the public origin (bulletin pages may be given as paths). */
export function absoluteUrl(config: FeedsConfig, url: string): string {
  return url.startsWith('/') ? config.publicUrl + url : url;
}
