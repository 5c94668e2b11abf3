import { useEffect } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { notifications, unwrap } from '../api/client';
import { useMe } from '../api/session';
import { Paragraph } from '../components/nlds';

/** The staff portal: only for people who are logged in; the gateway's login sends them back. */
export default function PortaalLayout() {
  const me = useMe();
  const unread = useQuery({
    queryKey: ['unread'],
    queryFn: () => unwrap(notifications.GET('/notifications/inbox/unread-count')),
    enabled: !!me.data,
    refetchInterval: 60_000,
  });
  useEffect(() => {
    if (me.isSuccess && me.data === null) window.location.assign('/oauth2/authorization/portal');
  }, [me.isSuccess, me.data]);
  if (!me.data) return <Paragraph>{me.isError ? 'Het portaal is nu niet bereikbaar.' : 'Inloggen…'}</Paragraph>;
  const count = unread.data?.unread ?? 0;
  return (
    <div className="mz-portaal">
      <nav aria-label="Portaal" className="mz-portaal__nav mz-no-print">
        <ul>
          <li><NavLink end to="/portaal">Mijn overzicht</NavLink></li>
          <li><NavLink to="/portaal/praktijken">Praktijken</NavLink></li>
          <li><NavLink to="/portaal/sociale-kaart">Sociale kaart</NavLink></li>
          {me.data.roles.includes('COORDINATOR') && <li><NavLink to="/portaal/programma">Programma</NavLink></li>}
          {me.data.roles.includes('COORDINATOR') && <li><NavLink to="/portaal/beheer">Beheer</NavLink></li>}
          <li>
            <NavLink to="/portaal/inbox">
              Inbox{count > 0 && <> <span className="mz-count" aria-label={`${count} ongelezen`}>{count}</span></>}
            </NavLink>
          </li>
          <li><NavLink to="/portaal/meldingen">Meldingen</NavLink></li>
        </ul>
      </nav>
      <Outlet context={me.data} />
    </div>
  );
}
