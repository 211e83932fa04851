// The small server-rendered pages behind the links in subscription mails. A GET only shows a
// page with a button: mail scanners fetch links, and fetching must never confirm or
// unsubscribe. The button POSTs to the same URL (a plain form: no script, under the global
// CSP). Every text comes from the catalogues and is escaped.
import { feedsText } from './i18n/feeds-translate.ts';
import type { FeedsMessageKey } from './i18n/en.ts';
import type { FeedLanguage } from './published-item.port.ts';
import { escapeXml } from './xml-escape.ts';

/** What a page says: a title, a paragraph, and optionally a button posting back. */
export interface PageContent {
  title: FeedsMessageKey;
  text: FeedsMessageKey;
  button?: FeedsMessageKey;
}

/** The HTML page `content` in `language`; the button (if any) posts to `action`. */
export function renderPage(language: FeedLanguage, content: PageContent, action: string): string {
  const title = escapeXml(feedsText(language, content.title));
  const form =
    content.button === undefined
      ? ''
      : `<form method="post" action="${escapeXml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeXml(feedsText(language, content.button))}</button></form>`;
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="robots" content="noindex"><title>${title}</title></head>`,
    `<body><main><h1>${title}</h1>`,
    `<p>${escapeXml(feedsText(language, content.text))}</p>`,
    form,
    '</main></body></html>',
    '',
  ].join('\n');
}

/** The confirmation page before and after the button. */
export const CONFIRM_PAGE: PageContent = {
  title: 'pageConfirmTitle',
  text: 'pageConfirmText',
  button: 'pageConfirmButton',
};
export const CONFIRMED_PAGE: PageContent = {
  title: 'pageConfirmedTitle',
  text: 'pageConfirmedText',
};

/** The unsubscribe page before and after the button (or a mail client's one-click POST). */
export const UNSUBSCRIBE_PAGE: PageContent = {
  title: 'pageUnsubscribeTitle',
  text: 'pageUnsubscribeText',
  button: 'pageUnsubscribeButton',
};
export const UNSUBSCRIBED_PAGE: PageContent = {
  title: 'pageUnsubscribedTitle',
  text: 'pageUnsubscribedText',
};
