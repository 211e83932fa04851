// The mails of the subscription service, rendered in the subscriber's language: a plain-text
// part and an HTML part with every value escaped. Every mail carries the RFC 8058 one-click
// unsubscribe headers (RFC 2369 List-Unsubscribe with an https URI, and List-Unsubscribe-Post).
import type { FeedsConfig } from './feeds-config.ts';
import { absoluteUrl } from './feeds-config.ts';
import { PRODUCT_KEYS } from './atom-feed.ts';
import { feedsText } from './i18n/feeds-translate.ts';
import type { FeedLanguage, FeedProduct, PublishedItem } from './published-item.port.ts';
import { escapeXml } from './xml-escape.ts';

/** A rendered mail without its recipient (added from the sealed address when it is sent). */
export interface MailMessage {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Hours a confirmation link stays valid. */
export const CONFIRMATION_HOURS = 48;

/** The one-click unsubscribe URL of a token. */
export function unsubscribeUrl(config: FeedsConfig, token: string): string {
  return `${config.publicUrl}/unsubscribe/${token}`;
}

/** The confirmation URL of a token. */
export function confirmationUrl(config: FeedsConfig, token: string): string {
  return `${config.publicUrl}/subscriptions/confirm/${token}`;
}

function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function html(language: FeedLanguage, paragraphs: readonly string[]): string {
  const body = paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
  return `<!doctype html>\n<html lang="${language}"><body>\n${body}\n</body></html>\n`;
}

function link(url: string): string {
  return `<a href="${escapeXml(url)}">${escapeXml(url)}</a>`;
}

/** The double opt-in mail: who asked for what, and the link that confirms it. */
export function confirmationMail(
  config: FeedsConfig,
  request: {
    language: FeedLanguage;
    products: readonly FeedProduct[];
    confirmToken: string;
    unsubscribeToken: string;
  },
): MailMessage {
  const { language } = request;
  const products = request.products
    .map((product) => feedsText(language, PRODUCT_KEYS[product]))
    .join(', ');
  const confirm = confirmationUrl(config, request.confirmToken);
  const unsubscribe = unsubscribeUrl(config, request.unsubscribeToken);
  const body = feedsText(language, 'confirmBody', { products });
  const expiry = feedsText(language, 'confirmExpiry', { hours: CONFIRMATION_HOURS });
  return {
    subject: feedsText(language, 'confirmSubject'),
    text: [body, feedsText(language, 'confirmLink', { url: confirm }), expiry].join('\n\n') + '\n',
    html: html(language, [
      escapeXml(body),
      escapeXml(feedsText(language, 'confirmLink', { url: '' })) + link(confirm),
      escapeXml(expiry),
    ]),
    headers: unsubscribeHeaders(unsubscribe),
  };
}

function itemLines(config: FeedsConfig, item: PublishedItem): string[] {
  const lines = [item.title, item.summary, absoluteUrl(config, item.url)];
  if (item.corrects !== undefined) {
    lines.push(
      feedsText(item.language, 'corrects', { url: absoluteUrl(config, item.corrects.url) }),
    );
  }
  lines.push(feedsText(item.language, 'logIndex', { index: item.logIndex }));
  return lines;
}

/** A digest of new bulletins (already in the subscriber's language and products). */
export function digestMail(
  config: FeedsConfig,
  digest: { language: FeedLanguage; items: readonly PublishedItem[]; unsubscribeToken: string },
): MailMessage {
  const { language, items } = digest;
  const unsubscribe = unsubscribeUrl(config, digest.unsubscribeToken);
  const intro = feedsText(language, 'digestIntro');
  const footer = feedsText(language, 'unsubscribeLine', { url: unsubscribe });
  const blocks = items.map((item) => itemLines(config, item));
  return {
    subject: feedsText(language, 'digestSubject', { count: items.length }),
    text: [intro, ...blocks.map((lines) => lines.join('\n')), footer].join('\n\n') + '\n',
    html: html(language, [
      escapeXml(intro),
      ...blocks.map((lines) => lines.map((line) => escapeXml(line)).join('<br>')),
      escapeXml(feedsText(language, 'unsubscribeLine', { url: '' })) + link(unsubscribe),
    ]),
    headers: unsubscribeHeaders(unsubscribe),
  };
}
