// The analyst desk (issue 5): triage of information items, duplicate suggestions, the
// verification workflow with its two-person rule, the commitment register, tracing requests and
// alerts that arrive live. Sections are chosen inside the view (the console's hash names the view).
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../views.ts';
import { AlertsSection } from './alerts/AlertsSection.tsx';
import { LiveAlerts } from './alerts/LiveAlerts.tsx';
import { useAlerts } from './alerts/use-alerts.ts';
import { CommitmentsSection } from './commitments/CommitmentsSection.tsx';
import './desk.css';
import { DuplicatesSection } from './duplicates/DuplicatesSection.tsx';
import { IncidentsSection } from './incidents/IncidentsSection.tsx';
import { DeskContext, SECTIONS } from './shared/desk-context.tsx';
import type { DeskShared, Section } from './shared/desk-context.tsx';
import type { Place } from './shared/desk-types.ts';
import { useLoad } from './shared/use-api.ts';
import { TracingSection } from './tracing/TracingSection.tsx';
import { TriageSection } from './triage/TriageSection.tsx';

interface Shown {
  readonly section: Section;
  readonly id: string | undefined;
}

function SectionNav({ shown, go }: { shown: Section; go: (section: Section) => void }) {
  const { t } = useTranslation('desk');
  return (
    <nav className="desk-sections" aria-label={t('sections')}>
      {SECTIONS.map((section) => (
        <button
          key={section}
          type="button"
          aria-current={section === shown ? 'page' : undefined}
          onClick={() => {
            go(section);
          }}
        >
          {t(`section.${section}`)}
        </button>
      ))}
    </nav>
  );
}

/** The analyst desk. */
export function AnalystDesk({ session }: ViewProps) {
  const { t } = useTranslation('desk');
  const [shown, setShown] = useState<Shown>({ section: 'triage', id: undefined });
  const places = useLoad<{ places: Place[] }>('/api/v1/places');
  const alerts = useAlerts();
  const go = useCallback((section: Section, id?: string) => {
    setShown({ section, id });
    // The new section's heading takes the focus, so a keyboard or screen-reader user lands there.
    requestAnimationFrame(() => document.getElementById('desk-section-heading')?.focus());
  }, []);
  const shared = useMemo<DeskShared>(
    () => ({
      session,
      places: new Map(
        places.state === 'ready' ? places.value.places.map((place) => [place.id, place]) : [],
      ),
      go,
    }),
    [session, places, go],
  );
  const key = `${shown.section}:${shown.id ?? ''}`;
  return (
    <DeskContext.Provider value={shared}>
      <div className="desk">
        <h2>{t('heading')}</h2>
        <LiveAlerts
          alerts={alerts}
          onShow={() => {
            go('alerts');
          }}
        />
        <SectionNav shown={shown.section} go={go} />
        <section className="desk-section" aria-labelledby="desk-section-heading">
          <h3 id="desk-section-heading" tabIndex={-1}>
            {t(`section.${shown.section}`)}
          </h3>
          {shown.section === 'triage' ? <TriageSection key={key} openId={shown.id} /> : null}
          {shown.section === 'duplicates' ? <DuplicatesSection key={key} /> : null}
          {shown.section === 'incidents' ? <IncidentsSection key={key} openId={shown.id} /> : null}
          {shown.section === 'commitments' ? (
            <CommitmentsSection key={key} openId={shown.id} />
          ) : null}
          {shown.section === 'tracing' ? <TracingSection key={key} openId={shown.id} /> : null}
          {shown.section === 'alerts' ? <AlertsSection key={key} alerts={alerts} /> : null}
        </section>
      </div>
    </DeskContext.Provider>
  );
}
