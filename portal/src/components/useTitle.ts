import { useEffect } from 'react';

/** Each page says what it is in the window title (WCAG 2.4.2). */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} - In voor mantelzorg-thuis`;
  }, [title]);
}
