import { useEffect, useRef } from 'react';
import { Link as RouterLink, Outlet, useLocation } from 'react-router';
import { SkipLink } from './nlds';
import { csrfToken } from '../api/client';
import { useMe } from '../api/session';

/** Every page: skip link, header with the way to the public search and to logging in, footer. */
export function Layout() {
  const main = useRef<HTMLElement>(null);
  const location = useLocation();
  const me = useMe();

  // After a client-side page change, focus goes to the new page's content (as after a page load),
  // so screen reader and keyboard users start at its heading rather than at the old link.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  return (
    <div className="voorbeeld-theme mantelzorg-theme utrecht-document">
      <SkipLink href="#inhoud">Naar de inhoud</SkipLink>
      <header className="mz-header">
        <div className="mz-container mz-header__bar">
          <RouterLink to="/" className="mz-header__name">In voor mantelzorg-thuis</RouterLink>
          <nav className="mz-header__nav" aria-label="Hoofdmenu">
            <ul>
              <li><RouterLink to="/sociale-kaart">Sociale kaart</RouterLink></li>
              {me.data ? (
                <>
                  <li><span>Ingelogd als <strong data-testid="ingelogd-als">{me.data.name}</strong></span></li>
                  <li>
                    <form method="post" action="/logout" className="mz-inline-form">
                      <input type="hidden" name="_csrf" value={decodeURIComponent(csrfToken() ?? '')} />
                      <button type="submit" className="mz-header__button">Uitloggen</button>
                    </form>
                  </li>
                </>
              ) : (
                <li><a href="/oauth2/authorization/portal">Inloggen voor medewerkers</a></li>
              )}
            </ul>
          </nav>
        </div>
      </header>
      <main id="inhoud" ref={main} tabIndex={-1} className="mz-container">
        <Outlet />
      </main>
      <footer className="mz-footer">
        <div className="mz-container">
          <ul className="utrecht-link-list">
            <li className="utrecht-link-list__item"><RouterLink className="utrecht-link" to="/toegankelijkheid">Toegankelijkheid</RouterLink></li>
            <li className="utrecht-link-list__item"><RouterLink className="utrecht-link" to="/sociale-kaart">Steun voor mantelzorgers zoeken</RouterLink></li>
          </ul>
          <p className="utrecht-paragraph">In voor mantelzorg-thuis: lerende praktijken voor mantelzorgers van ouderen thuis.</p>
        </div>
      </footer>
    </div>
  );
}
