// The camera view that reads a household's QR code: the rear camera, a frame every quarter of a
// second drawn to a canvas and read by zxing-wasm, until a code is found or the monitor stops.
// The code read is handed over and never shown, logged or put in a URL.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readQrCode } from './qr-reader.ts';

const FRAME_MS = 250;

/** Reads frames of `video` until `onCode` is called or `live()` turns false. */
async function readFrames(
  video: HTMLVideoElement,
  live: () => boolean,
  onCode: (code: string) => void,
): Promise<void> {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  while (live() && context !== null) {
    if (video.videoWidth > 0) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0);
      const code = await readQrCode(context.getImageData(0, 0, canvas.width, canvas.height));
      if (code !== undefined && live()) {
        onCode(code);
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, FRAME_MS));
  }
}

/** The camera, while shown; `onCode` gets the QR code's text, `onFailure` a camera refusal. */
export function QrScanner({
  onCode,
  onFailure,
}: {
  onCode: (code: string) => void;
  onFailure: () => void;
}) {
  const { t } = useTranslation('checkpoint');
  const video = useRef<HTMLVideoElement>(null);
  const [started, setStarted] = useState(false);
  useEffect(() => {
    // An object, not a `let`: the flag is read across awaits after the cleanup may have run.
    const view = { live: true };
    let stream: MediaStream | undefined;
    const stop = () => {
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
        const element = video.current;
        // Gone while the browser asked for the camera: give it back at once.
        if (!view.live || element === null) {
          stop();
          return;
        }
        element.srcObject = stream;
        await element.play();
        setStarted(true);
        await readFrames(element, () => view.live, onCode);
      } catch {
        if (view.live) onFailure();
      }
    })();
    return () => {
      view.live = false;
      stop();
    };
  }, [onCode, onFailure]);
  return (
    <div className="scanner">
      <video ref={video} muted playsInline aria-label={t('scan.video')} />
      <p role="status">{started ? t('find.scanning') : null}</p>
    </div>
  );
}
