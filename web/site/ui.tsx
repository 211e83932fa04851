// The building blocks every dashboard section shares: a titled section, one that waits until
// the reader comes near it, a table that scrolls on its own on a phone, and the loading / failed /
// nothing-yet states of a load.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Release, Row } from './data.ts';
import type { Loaded } from './use-loaded.ts';
import { useLoaded } from './use-loaded.ts';
import { useNearViewport } from './use-near-viewport.ts';

/** A released cell as text: empty for an empty cell, markers ("<5", "x") as they are. */
export const cellText = (value: Row[string] | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** A section of the dashboard headed by `title` (its heading has id `id`). */
export function Section(props: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/**
 * A section below the first screen: its heading stands from the start (for anchors and heading
 * navigation), and its content — `children`, which fetch what they show when they mount — comes
 * when the reader scrolls near it. On a cheap phone, drawing sections nobody has reached yet is
 * what kept the first screen from answering; the room kept while waiting (style.css) keeps the
 * sections further down out of reach until the reader moves.
 */
export function LaterSection(props: { id: string; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [room, near] = useNearViewport<HTMLParagraphElement>();
  if (near) return <>{props.children}</>;
  return (
    <Section id={props.id} title={props.title}>
      <p aria-busy="true" ref={room}>
        {t('loading')}
      </p>
    </Section>
  );
}

/**
 * `children` once the reader comes near where they go, and until then `room` of empty space
 * (a CSS length), so that what follows stays put. For a long table under the first screen.
 */
export function WhenNear(props: { room: string; children: ReactNode }) {
  const [box, near] = useNearViewport<HTMLDivElement>();
  if (near) return <>{props.children}</>;
  return <div ref={box} style={{ minHeight: props.room }} />;
}

/** A table that scrolls sideways on its own on a narrow screen (reachable by keyboard). */
export function TableBox(props: { captionId: string; children: ReactNode }) {
  return (
    <div className="scroll" tabIndex={0} role="region" aria-labelledby={props.captionId}>
      {props.children}
    </div>
  );
}

/** What a load shows: loading, failed, nothing yet, or its content. */
export function Status<T>(props: {
  loaded: Loaded<T>;
  empty: (value: T) => boolean;
  children: (value: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (props.loaded.state === 'loading') return <p aria-busy="true">{t('loading')}</p>;
  if (props.loaded.state === 'failed') return <p role="alert">{t('failed')}</p>;
  if (props.empty(props.loaded.value)) return <p>{t('none')}</p>;
  return <>{props.children(props.loaded.value)}</>;
}

/** A section drawn from the latest release of one open dataset ("nothing yet" without one). */
export function ReleaseSection(props: {
  id: string;
  title: string;
  load: () => Promise<Release | null>;
  children: (release: Release) => ReactNode;
}) {
  const loaded = useLoaded(props.load);
  return (
    <Section id={props.id} title={props.title}>
      <Status loaded={loaded} empty={(release) => release === null || release.rows.length === 0}>
        {(release) => props.children(release as Release)}
      </Status>
    </Section>
  );
}
