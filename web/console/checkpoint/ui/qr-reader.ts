// Reading a QR code from a camera frame with zxing-wasm. Its WebAssembly is the copy the build
// puts under /console/assets/ (imported with `?url`), handed over through locateFile so that the
// library never fetches it from its default CDN: the page must work offline, and the CSP allows
// no other origin. The module is loaded on the first scan only (dynamic import), and the service
// worker keeps both files for offline use.
import type * as ZXingReader from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

type Reader = typeof ZXingReader;

let reader: Promise<Reader> | undefined;

function loadReader(): Promise<Reader> {
  reader ??= import('zxing-wasm/reader').then((module) => {
    module.prepareZXingModule({
      overrides: {
        locateFile: (path: string, prefix: string) =>
          path.endsWith('.wasm') ? wasmUrl : prefix + path,
      },
      fireImmediately: false,
    });
    return module;
  });
  return reader;
}

/** The text of the first QR code in `frame`, or undefined when there is none. */
export async function readQrCode(frame: ImageData): Promise<string | undefined> {
  const { readBarcodes } = await loadReader();
  const [found] = await readBarcodes(frame, {
    formats: ['QRCode'],
    maxNumberOfSymbols: 1,
    tryHarder: true,
  });
  return found?.isValid === true ? found.text : undefined;
}
