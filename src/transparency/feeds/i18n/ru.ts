// Russian texts of feeds, subscription mails and pages (keys as in en.ts).
import type { FeedsMessageKey } from './en.ts';

/** The Russian catalogue. */
export const ru: Readonly<Record<FeedsMessageKey, string>> = {
  languageName: 'Русский',
  productDaily: 'Ежедневный отчёт',
  productSpot: 'Оперативный отчёт',
  productWeekly: 'Еженедельный отчёт',
  feedTitleAll: 'Бюллетени Vigil',
  feedTitleProduct: 'Бюллетени Vigil: {product}',
  correctionOf: 'Исправление — {title}',
  retractionOf: 'Отзыв — {title}',
  corrects: 'Исправляет ранее опубликованный бюллетень: {url}',
  confirmSubject: 'Подтвердите подписку на бюллетени Vigil',
  confirmBody:
    'Кто-то (надеемся, вы) попросил присылать бюллетени Vigil ({products}) на этот адрес. Откройте ссылку ниже, чтобы подтвердить. Если это были не вы, просто проигнорируйте письмо: больше писем не будет.',
  confirmLink: 'Подтвердить: {url}',
  confirmExpiry: 'Ссылка действительна {hours} ч.',
  digestSubject: 'Новые бюллетени Vigil ({count})',
  digestIntro: 'Бюллетени, опубликованные после предыдущего письма:',
  logIndex: 'Запись журнала {index}',
  unsubscribeLine: 'Чтобы больше не получать эти письма, откройте {url}',
  pageConfirmTitle: 'Подтверждение подписки',
  pageConfirmText: 'Нажмите кнопку, чтобы получать бюллетени Vigil по электронной почте.',
  pageConfirmButton: 'Подтвердить',
  pageConfirmedTitle: 'Подписка подтверждена',
  pageConfirmedText: 'Новые бюллетени будут приходить вам по электронной почте.',
  pageUnsubscribeTitle: 'Отписка',
  pageUnsubscribeText: 'Больше не получать бюллетени Vigil на этот адрес?',
  pageUnsubscribeButton: 'Отписаться',
  pageUnsubscribedTitle: 'Вы отписались',
  pageUnsubscribedText: 'Письма больше не будут приходить; подписка удалена.',
};
