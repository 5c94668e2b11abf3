import { useState } from 'react';
import { useOutletContext } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { experiments, practices, socialMap, unwrap } from '../api/client';
import type { Me } from '../api/session';
import { Button, Heading2, Paragraph } from '../components/nlds';

type Entry = { at?: string; action?: string; version?: number; actorName?: string; actor?: string; tenant?: string; changedFields?: string[]; what?: string };
type Page = { items?: Entry[]; page?: { totalPages?: number; totalElements?: number } };

const ACTION: Record<string, string> = {
  CREATED: 'Aangemaakt', UPDATED: 'Gewijzigd', ARCHIVED: 'Gearchiveerd', VERIFIED: 'Bevestigd als nog correct', STATUS_CHANGED: 'Status gewijzigd',
  CYCLE_RECORDED: 'Cyclus vastgelegd', MEASURE_RECORDED: 'Meting vastgelegd', ADOPTED: 'Overgenomen',
};
const TIME = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

function read(of: 'practice' | 'experiment' | 'service', id: string, page: number): Promise<Page> {
  const query = { page, pageSize: 20 };
  switch (of) {
    case 'practice': return unwrap(practices.GET('/practices/{id}/audit', { params: { path: { id }, query } }));
    case 'experiment': return unwrap(experiments.GET('/experiments/{id}/audit', { params: { path: { id }, query } }));
    default: return unwrap(socialMap.GET('/socialmap/services/{id}/audit', { params: { path: { id }, query } }));
  }
}

/** Who changed what and when (coordinators): the audit trail, oldest first, 20 per page. */
export function Wijzigingen({ of, id }: { of: 'practice' | 'experiment' | 'service'; id: string }) {
  const me = useOutletContext<Me | undefined>();
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(0);
  const coordinator = !!me?.roles.includes('COORDINATOR');
  const trail = useQuery({ queryKey: ['audit', of, id, page], queryFn: () => read(of, id, page), enabled: coordinator && open });
  if (!coordinator) return null;
  const pages = trail.data?.page?.totalPages ?? 1;
  return (
    <section className="mz-no-print" aria-labelledby={`wijzigingen-${id}`}>
      <Heading2 id={`wijzigingen-${id}`}>Wijzigingen</Heading2>
      {!open ? <Button type="button" appearance="secondary-action-button" onClick={() => setOpen(true)}>Toon wie wat wijzigde</Button> : (
        <>
          {trail.isError && <Paragraph>De wijzigingen zijn nu niet te laden.</Paragraph>}
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">{`Wijzigingen, oudste eerst (${trail.data?.page?.totalElements ?? '…'})`}</caption>
            <thead className="utrecht-table__header"><tr className="utrecht-table__row">
              {['Wanneer', 'Wat', 'Wie', 'Namens', 'Velden'].map((c) => <th className="utrecht-table__header-cell" scope="col" key={c}>{c}</th>)}
            </tr></thead>
            <tbody className="utrecht-table__body">
              {(trail.data?.items ?? []).map((e, i) => (
                <tr className="utrecht-table__row" key={`${e.version}-${i}`}>
                  <td className="utrecht-table__cell">{e.at ? TIME.format(new Date(e.at)) : ''}</td>
                  <td className="utrecht-table__cell">{ACTION[e.action ?? ''] ?? e.action}{e.what ? `: ${e.what}` : ''}</td>
                  <td className="utrecht-table__cell">{e.actorName ?? e.actor}</td>
                  <td className="utrecht-table__cell">{e.tenant ?? '—'}</td>
                  <td className="utrecht-table__cell">{(e.changedFields ?? []).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <div className="mz-search__actions">
              <Button type="button" appearance="subtle-button" disabled={page === 0} onClick={() => setPage(page - 1)}>Vorige</Button>
              <span>{`Pagina ${page + 1} van ${pages}`}</span>
              <Button type="button" appearance="subtle-button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>Volgende</Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
