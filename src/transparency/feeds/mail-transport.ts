// Hands a mail to the configured SMTP relay (nodemailer). The port keeps the outbox testable
// and keeps nodemailer's errors — whose text may quote the recipient — inside this file: what
// leaves is a MailSendError carrying only the SMTP reply code or the error code.
import nodemailer from 'nodemailer';
import type { MailMessage } from './mail-message.ts';

/** A mail with its recipient, ready for the relay. */
export interface OutgoingMail extends MailMessage {
  from: string;
  to: string;
}

/** Why a mail was not taken; says nothing about the recipient. */
export class MailSendError extends Error {
  /** True when the relay refused for good (SMTP 5xx): retrying would not help. */
  readonly isPermanent: boolean;
  /** The SMTP reply code ('550') or the error code ('ECONNREFUSED'). */
  readonly reason: string;

  constructor(reason: string, isPermanent: boolean) {
    super(`mail not sent: ${reason}`);
    this.name = 'MailSendError';
    this.reason = reason;
    this.isPermanent = isPermanent;
  }
}

/** Something that sends a mail or throws MailSendError. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

function reasonOf(error: unknown): { reason: string; isPermanent: boolean } {
  const fields =
    typeof error === 'object' && error !== null
      ? (error as { responseCode?: unknown; code?: unknown })
      : {};
  if (typeof fields.responseCode === 'number') {
    return { reason: String(fields.responseCode), isPermanent: fields.responseCode >= 500 };
  }
  const code =
    typeof fields.code === 'string' && /^[A-Z_]{1,40}$/.test(fields.code) ? fields.code : 'unknown';
  return { reason: code, isPermanent: false };
}

/** A transport through the relay at `url` (smtp:// or smtps://, credentials in the URL). */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      try {
        await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: mail.headers,
        });
      } catch (error) {
        const { reason, isPermanent } = reasonOf(error);
        throw new MailSendError(reason, isPermanent);
      }
    },
    close() {
      transporter.close();
    },
  };
}
