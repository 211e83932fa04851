// Armenian texts of feeds, subscription mails and pages (keys as in en.ts).
import type { FeedsMessageKey } from './en.ts';

/** The Armenian catalogue. */
export const hy: Readonly<Record<FeedsMessageKey, string>> = {
  languageName: 'Հայերեն',
  productDaily: 'Օրական զեկույց',
  productSpot: 'Օպերատիվ զեկույց',
  productWeekly: 'Շաբաթական զեկույց',
  feedTitleAll: 'Vigil-ի տեղեկագրեր',
  feedTitleProduct: 'Vigil-ի տեղեկագրեր՝ {product}',
  correctionOf: 'Ուղղում — {title}',
  retractionOf: 'Հետկանչ — {title}',
  corrects: 'Ուղղում է ավելի վաղ տեղեկագիրը՝ {url}',
  confirmSubject: 'Հաստատեք Vigil-ի տեղեկագրերի բաժանորդագրությունը',
  confirmBody:
    'Ինչ-որ մեկը (հուսով ենք՝ դուք) խնդրել է այս հասցեին ուղարկել Vigil-ի տեղեկագրերը ({products}): Հաստատելու համար բացեք ստորև նշված հղումը: Եթե դա դուք չեք եղել, անտեսեք այս նամակը. այլևս նամակ չի ուղարկվի:',
  confirmLink: 'Հաստատել՝ {url}',
  confirmExpiry: 'Հղումը վավեր է {hours} ժամ:',
  digestSubject: 'Vigil-ի նոր տեղեկագրեր ({count})',
  digestIntro: 'Նախորդ նամակից հետո հրապարակված տեղեկագրերը՝',
  logIndex: 'Մատյանի գրառում {index}',
  unsubscribeLine: 'Այս նամակներն այլևս չստանալու համար բացեք {url}',
  pageConfirmTitle: 'Բաժանորդագրության հաստատում',
  pageConfirmText: 'Սեղմեք կոճակը՝ Vigil-ի տեղեկագրերն էլ. փոստով ստանալու համար:',
  pageConfirmButton: 'Հաստատել',
  pageConfirmedTitle: 'Բաժանորդագրությունը հաստատված է',
  pageConfirmedText: 'Նոր տեղեկագրերը կուղարկվեն ձեզ էլ. փոստով:',
  pageUnsubscribeTitle: 'Բաժանորդագրության չեղարկում',
  pageUnsubscribeText: 'Դադարեցնե՞լ Vigil-ի տեղեկագրերի ստացումն այս հասցեով:',
  pageUnsubscribeButton: 'Չեղարկել',
  pageUnsubscribedTitle: 'Բաժանորդագրությունը չեղարկված է',
  pageUnsubscribedText: 'Այլևս նամակներ չեն ուղարկվի. բաժանորդագրությունը ջնջված է:',
};
