/** @jsxImportSource preact */
// The answer of a registration: the reference code, shown this once, large enough to copy by
// hand, and its QR code (the code alone, as the staff's printout: src/passage/registry/
// households/reference-qr.ts) drawn in the browser into an image held in memory (a data: URI,
// which the CSP allows). The QR encoder is loaded only here, after a registration, so the
// portal's first start runs less script; the service worker keeps it like every build file.
import { useEffect, useState } from 'preact/hooks';
import { StepHeading } from './form.tsx';
import { useLocale } from './language.ts';

/** What POST /api/v1/portal/households answers. */
export interface Registered {
  referenceCode: string;
  memberCount: number;
}

/** The QR code of `code` as an SVG data URI, or undefined while it is drawn. */
function useQrImage(code: string): string | undefined {
  const [image, setImage] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((qr) => qr.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
      .then((svg) => {
        if (live) setImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      });
    return () => {
      live = false;
    };
  }, [code]);
  return image;
}

/** The registered household's code and QR code; `onCheck` opens the status step with it. */
export function RegisteredView(props: {
  registered: Registered;
  onCheck: (referenceCode: string) => void;
}) {
  const { t } = useLocale();
  const { referenceCode, memberCount } = props.registered;
  const qr = useQrImage(referenceCode);
  return (
    <section aria-labelledby="registered-heading" class="result">
      <StepHeading id="registered-heading">{t('registeredHeading')}</StepHeading>
      <p>{t('memberCount', { count: memberCount })}</p>
      <p class="code-label">{t('referenceCode')}</p>
      <p class="code" id="reference-code" translate={false}>
        {referenceCode}
      </p>
      {qr === undefined ? null : (
        <img
          class="qr"
          src={qr}
          width={220}
          height={220}
          alt={t('qrAlt', { code: referenceCode })}
        />
      )}
      <p class="keep">{t('referenceKeep')}</p>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() => {
            window.print();
          }}
        >
          {t('print')}
        </button>
        <button
          type="button"
          class="primary"
          onClick={() => {
            props.onCheck(referenceCode);
          }}
        >
          {t('checkThisJourney')}
        </button>
      </div>
    </section>
  );
}
