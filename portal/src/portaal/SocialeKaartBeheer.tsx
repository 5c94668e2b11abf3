import { useState } from 'react';
import { Link as RouterLink, useOutletContext } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { socialMap, unwrap, type Offer } from '../api/client';
import type { Me } from '../api/session';
import { Alert, Button, Heading1, Heading2, Paragraph, StatusBadge, Textbox } from '../components/nlds';
import { useTitle } from '../components/useTitle';
import { dutchDate } from '../socialmap/labels';
import { Field } from './Field';
import { refusal } from './forms';

export function useOwnOffers(organization: string | undefined) {
  return useQuery({
    queryKey: ['own-offers', organization],
    queryFn: () => unwrap(socialMap.GET('/socialmap/services', { params: { query: { organization: organization!, pageSize: 200 } } })),
    enabled: !!organization,
  });
}

/** Entries nobody confirmed for 12 months: of one organisation, or (coordinators) all of them. */
export function useUnverified(organization: string | undefined) {
  return useQuery({
    queryKey: ['unverified', organization ?? '*'],
    queryFn: () => unwrap(socialMap.GET('/socialmap/services/unverified', { params: { query: { organization, pageSize: 100 } } })),
  });
}

/** One click: "nog correct". The list it stands in says so, as the confirmed item then leaves the list. */
export function ConfirmButton({ offer, onConfirmed }: { offer: Offer; onConfirmed?: (name: string) => void }) {
  const queries = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => unwrap(socialMap.POST('/socialmap/services/{id}/verification', { params: { path: { id: offer.id! } } })),
    onSuccess: (entry) => {
      onConfirmed?.(entry.name ?? '');
      queries.setQueryData(['offer', entry.id], entry);
      return Promise.all([queries.invalidateQueries({ queryKey: ['unverified'] }), queries.invalidateQueries({ queryKey: ['own-offers'] })]);
    },
  });
  if (confirm.isSuccess && !onConfirmed) return <span role="status">{`Bevestigd: ${offer.name} is nog correct.`}</span>;
  return (
    <>
      <Button type="button" appearance="secondary-action-button" disabled={confirm.isPending} onClick={() => confirm.mutate()}
        aria-label={`Bevestig: ${offer.name} is nog correct`}>Bevestig: nog correct</Button>
      {confirm.isError && <Alert type="error"><Paragraph>{refusal(confirm.error)}</Paragraph></Alert>}
    </>
  );
}

function twelveMonthsOld(offer: Offer) {
  return !offer.lastVerifiedAt || Date.parse(offer.lastVerifiedAt) < Date.now() - 365 * 24 * 3600_000;
}

/** My organisation's entries on the social map: check, confirm, edit, add. */
export default function SocialeKaartBeheer() {
  useTitle('Sociale kaart beheren');
  const me = useOutletContext<Me>();
  const coordinator = me.roles.includes('COORDINATOR');
  const [chosen, setChosen] = useState(me.organisation ?? '');
  const [typed, setTyped] = useState(me.organisation ?? '');
  const own = useOwnOffers(chosen || undefined);
  const unverified = useUnverified(coordinator && !chosen ? undefined : chosen || undefined);
  const todo = unverified.data?.items ?? [];
  const [confirmed, setConfirmed] = useState<string>();
  return (
    <>
      <Heading1>Sociale kaart beheren</Heading1>
      <Paragraph lead>Wat uw organisatie aanbiedt, zoals mantelzorgers het vinden. Kijk minstens eens per jaar of het nog klopt.</Paragraph>
      {coordinator && (
        <form className="mz-search mz-no-print" aria-label="Organisatie kiezen" onSubmit={(e) => { e.preventDefault(); setChosen(typed.trim()); }}>
          <Field label="Organisatie" hint="Leeg: alle vermeldingen die 12 maanden niet zijn gecontroleerd">
            <Textbox value={typed} onChange={(e) => setTyped(e.target.value)} />
          </Field>
          <div className="mz-search__actions"><Button type="submit" appearance="secondary-action-button">Tonen</Button></div>
        </form>
      )}
      <Paragraph className="mz-no-print">
        <RouterLink className="utrecht-link" to="/portaal/sociale-kaart/nieuw">Nieuw aanbod toevoegen</RouterLink>
        {coordinator && <> · <RouterLink className="utrecht-link" to="/portaal/respijtzorg">Respijtzorgroutes van gemeenten</RouterLink></>}
      </Paragraph>
      <Heading2>Te controleren</Heading2>
      <Paragraph role="status">{confirmed ? `Bevestigd: ${confirmed} is nog correct.` : ''}</Paragraph>
      {unverified.isPending && <Paragraph>Laden…</Paragraph>}
      {unverified.data && todo.length === 0 && <Paragraph>Alles is in de afgelopen 12 maanden gecontroleerd.</Paragraph>}
      {todo.length > 0 && <Paragraph>{`${unverified.data!.totalElements} ${unverified.data!.totalElements === 1 ? 'vermelding is' : 'vermeldingen zijn'} 12 maanden niet gecontroleerd.`}</Paragraph>}
      <ul className="mz-hits">
        {todo.map((o) => (
          <li className="mz-hit" key={o.id}>
            <RouterLink className="utrecht-link" to={`/portaal/sociale-kaart/${o.id}`}>{o.name}</RouterLink>
            <Paragraph small>{o.organization} · laatst gecontroleerd {dutchDate(o.lastVerifiedAt)}</Paragraph>
            <ConfirmButton offer={o} onConfirmed={setConfirmed} />
          </li>
        ))}
      </ul>
      {chosen && (
        <>
          <Heading2>{`Aanbod van ${chosen}`}</Heading2>
          {own.data && (own.data.items ?? []).length === 0 && <Paragraph>Nog niets op de sociale kaart.</Paragraph>}
          <ul className="mz-hits">
            {(own.data?.items ?? []).map((o) => (
              <li className="mz-hit" key={o.id}>
                <RouterLink className="utrecht-link" to={`/portaal/sociale-kaart/${o.id}`}>{o.name}</RouterLink>
                <div className="mz-badges">
                  {o.status !== 'ACTIVE' && <StatusBadge status="warning">Niet actief</StatusBadge>}
                  {twelveMonthsOld(o) && <StatusBadge status="warning">Controleren</StatusBadge>}
                </div>
                <Paragraph small>Laatst gecontroleerd {dutchDate(o.lastVerifiedAt)} · <RouterLink className="utrecht-link" to={`/sociale-kaart/aanbod/${o.id}`}>zoals mantelzorgers het zien</RouterLink></Paragraph>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
