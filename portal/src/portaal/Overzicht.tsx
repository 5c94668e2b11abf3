import { useState } from 'react';
import { Link as RouterLink, useOutletContext } from 'react-router';
import type { Me } from '../api/session';
import { Heading1, Heading2, Paragraph } from '../components/nlds';
import { useTitle } from '../components/useTitle';
import { PRACTICE_KIND, PRACTICE_STATUS } from './labels';
import { useInbox, usePractices } from './queries';
import { ConfirmButton, useUnverified } from './SocialeKaartBeheer';
import { dutchDate, label } from '../socialmap/labels';

/** Mijn overzicht: my practices, what changed since my last visit. */
export default function Overzicht() {
  useTitle('Mijn overzicht');
  const me = useOutletContext<Me>();
  const mine = usePractices({ organisation: me.organisation });
  const inbox = useInbox();
  const coordinator = me.roles.includes('COORDINATOR');
  const unverified = useUnverified(me.organisation);
  const todo = unverified.data?.totalElements ?? 0;
  const [confirmed, setConfirmed] = useState<string>();
  return (
    <>
      <Heading1>Mijn overzicht</Heading1>
      <Paragraph lead>Welkom, {me.name}{me.organisation ? ` (${me.organisation})` : coordinator ? ' (coördinator)' : ''}.</Paragraph>
      <Heading2>{coordinator && !me.organisation ? 'Alle praktijken' : 'Mijn praktijken'}</Heading2>
      {mine.isPending && <Paragraph>Laden…</Paragraph>}
      {mine.data && mine.data.items?.length === 0 && <Paragraph>Uw organisatie doet nog niet mee aan een praktijk.</Paragraph>}
      <ul className="mz-hits">
        {(mine.data?.items ?? []).slice(0, 10).map((p) => (
          <li className="mz-hit" key={p.id}>
            <RouterLink className="utrecht-link" to={`/portaal/praktijken/${p.id}`}>{p.name}</RouterLink>
            <Paragraph small>{label(PRACTICE_KIND, p.kind ?? '')} · {p.region} · {label(PRACTICE_STATUS, p.status ?? '')}</Paragraph>
          </li>
        ))}
      </ul>
      {(todo > 0 || confirmed) && (
        <section aria-labelledby="te-controleren">
          <Heading2 id="te-controleren">Sociale kaart: controleren</Heading2>
          <Paragraph role="status">{confirmed ? `Bevestigd: ${confirmed} is nog correct.` : ''}</Paragraph>
          {todo > 0 && <Paragraph>{`${todo} ${todo === 1 ? 'item' : 'items'} 12 maanden niet gecontroleerd — bevestig dat ${todo === 1 ? 'het' : 'ze'} nog ${todo === 1 ? 'klopt' : 'kloppen'}, of pas ${todo === 1 ? 'het' : 'ze'} aan.`}</Paragraph>}
          <ul className="mz-hits">
            {(unverified.data?.items ?? []).slice(0, 5).map((o) => (
              <li className="mz-hit" key={o.id}>
                <RouterLink className="utrecht-link" to={`/portaal/sociale-kaart/${o.id}`}>{o.name}</RouterLink>
                <Paragraph small>Laatst gecontroleerd {dutchDate(o.lastVerifiedAt)}</Paragraph>
                <ConfirmButton offer={o} onConfirmed={setConfirmed} />
              </li>
            ))}
          </ul>
          {todo > 5 && <Paragraph><RouterLink className="utrecht-link" to="/portaal/sociale-kaart">Alle {todo} bekijken</RouterLink></Paragraph>}
        </section>
      )}
      <Heading2>Nieuw sinds uw vorige bezoek</Heading2>
      {inbox.data && (inbox.data.items ?? []).length === 0 && <Paragraph>Niets nieuws. Volg een praktijk om hier te zien wat er verandert.</Paragraph>}
      <ul className="mz-hits">
        {(inbox.data?.items ?? []).filter((i) => !i.read).slice(0, 5).map((i) => (
          <li className="mz-hit" key={i.id}>
            <strong>{i.title}</strong>
            <Paragraph small>{dutchDate(i.time)}</Paragraph>
          </li>
        ))}
      </ul>
      <Paragraph><RouterLink className="utrecht-link" to="/portaal/inbox">Naar de inbox</RouterLink></Paragraph>
    </>
  );
}
