// English texts of feeds, subscription mails and pages; the reference every other locale
// must match key for key (feeds-i18n.test.ts).

/** The English catalogue. */
export const en = {
  languageName: 'English',
  productDaily: 'Daily report',
  productSpot: 'Spot report',
  productWeekly: 'Weekly report',
  feedTitleAll: 'Vigil bulletins',
  feedTitleProduct: 'Vigil bulletins: {product}',
  correctionOf: 'Correction — {title}',
  retractionOf: 'Retraction — {title}',
  corrects: 'Corrects an earlier bulletin: {url}',
  confirmSubject: 'Confirm your subscription to Vigil bulletins',
  confirmBody:
    'Someone, hopefully you, asked to receive Vigil bulletins ({products}) at this address. Open the link below to confirm. If it was not you, ignore this mail: nothing more will be sent.',
  confirmLink: 'Confirm: {url}',
  confirmExpiry: 'The link is valid for {hours} hours.',
  digestSubject: 'New Vigil bulletins ({count})',
  digestIntro: 'Bulletins published since the last mail:',
  logIndex: 'Log entry {index}',
  unsubscribeLine: 'To stop receiving these mails, open {url}',
  pageConfirmTitle: 'Confirm your subscription',
  pageConfirmText: 'Press the button to start receiving Vigil bulletins by e-mail.',
  pageConfirmButton: 'Confirm',
  pageConfirmedTitle: 'Subscription confirmed',
  pageConfirmedText: 'New bulletins will be sent to you by e-mail.',
  pageUnsubscribeTitle: 'Unsubscribe',
  pageUnsubscribeText: 'Stop receiving Vigil bulletins at this address?',
  pageUnsubscribeButton: 'Unsubscribe',
  pageUnsubscribedTitle: 'Unsubscribed',
  pageUnsubscribedText: 'No more mails will be sent; the subscription has been deleted.',
} as const;

/** A key of the catalogues. */
export type FeedsMessageKey = keyof typeof en;
