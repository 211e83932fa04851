// Whether an element has come near the screen: charts and the map are drawn (and their code and
// outlines fetched) only then, so a reader who never scrolls to them never pays for them, and
// the first screen is interactive sooner. Once near, always near.
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/** A ref to put on the element, and whether it has been within `margin` of the screen. */
export function useNearViewport<T extends Element>(
  margin = '400px',
): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (element === null || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: `${margin} 0px` },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [near, margin]);
  return [ref, near];
}
