// The methodology page (#methodology): the incident taxonomy, grading, the standard of proof and
// the disclosure rules, in the reader's language. Its text is an i18next namespace of its own,
// loaded with this file only when the page is opened, so the dashboard's first load stays light.
// The taxonomy is listed from the model itself, so the page cannot drift from what is recorded.
import i18next from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { crosswalkOf, SUB_EVENT_TYPE_CODES } from '../../../src/monitoring/model/event-taxonomy.ts';
import type { SubEventType } from '../../../src/monitoring/model/event-taxonomy.ts';
import { METHODOLOGY } from './i18n/catalogues.ts';

for (const [language, catalogue] of Object.entries(METHODOLOGY)) {
  i18next.addResourceBundle(language, 'methodology', catalogue);
}

/** The taxonomy's sub-types grouped by local event type, in the taxonomy's order. */
export function taxonomyFamilies(): { family: string; codes: SubEventType[] }[] {
  const families = new Map<string, SubEventType[]>();
  for (const code of SUB_EVENT_TYPE_CODES) {
    const family = crosswalkOf(code).eventType;
    families.set(family, [...(families.get(family) ?? []), code]);
  }
  return [...families].map(([family, codes]) => ({ family, codes }));
}

const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'];
const CREDIBILITY = ['1', '2', '3', '4', '5', '6'];
const DISCLOSURE_RULES = [
  'disclosureNever',
  'disclosureSmall',
  'disclosureSensitive',
  'disclosureSecondary',
  'disclosureZero',
  'disclosureRounding',
  'disclosurePlaces',
  'disclosureDelay',
  'disclosureIds',
] as const;

/** The methodology page; it takes the focus when it opens. */
export function Methodology() {
  const { t } = useTranslation('methodology');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, []);
  return (
    <article className="methodology" aria-labelledby="methodology-heading">
      <h2 id="methodology-heading" tabIndex={-1} ref={heading}>
        {t('heading')}
      </h2>
      <p>
        <a href="#">{t('back')}</a>
      </p>
      <p>{t('intro')}</p>
      <section aria-labelledby="taxonomy">
        <h3 id="taxonomy">{t('taxonomyHeading')}</h3>
        <p>{t('taxonomyIntro')}</p>
        {taxonomyFamilies().map(({ family, codes }) => (
          <div key={family} className="family">
            <h4>{t(`family.${family}`)}</h4>
            <ul>
              {codes.map((code) => (
                <li key={code}>{t(`sub.${code}`)}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <section aria-labelledby="grading">
        <h3 id="grading">{t('gradingHeading')}</h3>
        <p>{t('gradingIntro')}</p>
        <h4>{t('reliabilityHeading')}</h4>
        <ul>
          {RELIABILITY.map((grade) => (
            <li key={grade}>{t(`reliability.${grade}`)}</li>
          ))}
        </ul>
        <h4>{t('credibilityHeading')}</h4>
        <ul>
          {CREDIBILITY.map((grade) => (
            <li key={grade}>{t(`credibility.${grade}`)}</li>
          ))}
        </ul>
        <p>{t('gradingExample')}</p>
      </section>
      <section aria-labelledby="proof">
        <h3 id="proof">{t('proofHeading')}</h3>
        <p>{t('proofVerified')}</p>
        <p>{t('proofUnverified')}</p>
        <p>{t('proofTwoPerson')}</p>
        <p>{t('proofCorrected')}</p>
      </section>
      <section aria-labelledby="disclosure">
        <h3 id="disclosure">{t('disclosureHeading')}</h3>
        <ul className="rules">
          {DISCLOSURE_RULES.map((rule) => (
            <li key={rule}>{t(rule)}</li>
          ))}
        </ul>
        <p>{t('disclosureSite')}</p>
        <p>
          {t('disclosureMore')} <a href="/api/v1/open-data">{t('openData')}</a>
        </p>
      </section>
      <p>
        <a href="#">{t('back')}</a>
      </p>
    </article>
  );
}
