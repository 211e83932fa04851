// Azerbaijani texts of feeds, subscription mails and pages (keys as in en.ts).
import type { FeedsMessageKey } from './en.ts';

/** The Azerbaijani catalogue. */
export const az: Readonly<Record<FeedsMessageKey, string>> = {
  languageName: 'Azərbaycanca',
  productDaily: 'Gündəlik hesabat',
  productSpot: 'Operativ hesabat',
  productWeekly: 'Həftəlik hesabat',
  feedTitleAll: 'Vigil bülletenləri',
  feedTitleProduct: 'Vigil bülletenləri: {product}',
  correctionOf: 'Düzəliş — {title}',
  retractionOf: 'Geri çağırma — {title}',
  corrects: 'Əvvəlki bülleteni düzəldir: {url}',
  confirmSubject: 'Vigil bülletenlərinə abunəliyinizi təsdiqləyin',
  confirmBody:
    'Kimsə (ümid edirik ki, siz) bu ünvana Vigil bülletenlərinin ({products}) göndərilməsini istəyib. Təsdiqləmək üçün aşağıdakı keçidi açın. Əgər bu siz deyilsinizsə, bu məktuba məhəl qoymayın: başqa məktub göndərilməyəcək.',
  confirmLink: 'Təsdiqləyin: {url}',
  confirmExpiry: 'Keçid {hours} saat etibarlıdır.',
  digestSubject: 'Yeni Vigil bülletenləri ({count})',
  digestIntro: 'Sonuncu məktubdan sonra dərc olunan bülletenlər:',
  logIndex: 'Jurnal qeydi {index}',
  unsubscribeLine: 'Bu məktubları daha almamaq üçün açın: {url}',
  pageConfirmTitle: 'Abunəliyin təsdiqi',
  pageConfirmText: 'Vigil bülletenlərini e-poçtla almaq üçün düyməni basın.',
  pageConfirmButton: 'Təsdiqləyin',
  pageConfirmedTitle: 'Abunəlik təsdiqləndi',
  pageConfirmedText: 'Yeni bülletenlər sizə e-poçtla göndəriləcək.',
  pageUnsubscribeTitle: 'Abunəlikdən çıxmaq',
  pageUnsubscribeText: 'Bu ünvana Vigil bülletenlərinin göndərilməsi dayandırılsın?',
  pageUnsubscribeButton: 'Abunəlikdən çıxın',
  pageUnsubscribedTitle: 'Abunəlik ləğv edildi',
  pageUnsubscribedText: 'Daha məktub göndərilməyəcək; abunəlik silindi.',
};
