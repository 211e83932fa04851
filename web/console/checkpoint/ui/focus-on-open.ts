// A form that opens takes the focus on its heading, so a keyboard or screen-reader user lands
// there. Done once React has put the heading in the page: a frame requested by the caller can
// run before that, on a busy phone, and the focus is then lost.
import { useEffect, useRef } from 'react';

/** A ref for the heading that takes the focus when the component opens. */
export function useFocusOnOpen<Element extends HTMLElement>() {
  const heading = useRef<Element>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return heading;
}
