// Which view the address asks for: the methodology page at #methodology, else the dashboard.
// A hash route, since the server serves the page at `/` only; other hashes (#passages) are
// anchors in the dashboard.
import { useEffect, useState } from 'react';

/** The views of the public site. */
export type View = 'dashboard' | 'methodology';

const viewOf = (hash: string): View => (hash === '#methodology' ? 'methodology' : 'dashboard');

/** The view of the current address, followed as the hash changes. */
export function useHashView(): View {
  const [view, setView] = useState<View>(() => viewOf(window.location.hash));
  useEffect(() => {
    const follow = () => {
      setView(viewOf(window.location.hash));
    };
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
    };
  }, []);
  return view;
}
