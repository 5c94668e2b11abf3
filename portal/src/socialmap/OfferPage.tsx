import { lazy, Suspense } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Heading1, Heading2, Paragraph, StatusBadge } from '../components/nlds';
import type { Offer } from '../api/client';
import { ApiProblem } from '../api/client';
import { useTitle } from '../components/useTitle';
import { COST, DAYS, FUNDING, LANGUAGES, dutchDate, label } from './labels';
import { useOffer, useTerms } from './queries';
import { WEEKDAY_ORDER, openAt } from './search';
import { StaffFollow } from './Follow';

const YEAR_MS = 365 * 24 * 3600 * 1000;
const ResultMap = lazy(() => import('./ResultMap'));

export function OfferPage() {
  const { id = '' } = useParams();
  const offer = useOffer(id);
  const terms = useTerms();
  useTitle(offer.data?.name ?? 'Aanbod');

  if (offer.isPending) return <Paragraph>Laden…</Paragraph>;
  if (offer.isError) {
    const missing = offer.error instanceof ApiProblem && (offer.error.status === 404 || offer.error.status === 400);
    return (
      <>
        <Heading1>{missing ? 'Dit aanbod bestaat niet (meer)' : 'Dit aanbod is nu niet te laden'}</Heading1>
        <Paragraph><RouterLink className="utrecht-link" to="/sociale-kaart">Terug naar zoeken</RouterLink></Paragraph>
      </>
    );
  }
  const o: Offer = offer.data;
  const stale = !o.lastVerifiedAt || Date.now() - new Date(o.lastVerifiedAt).getTime() > YEAR_MS;
  const termName = (code: string) => terms.data?.find((t) => t.code === code)?.name ?? code;

  return (
    <article>
      <Paragraph className="mz-no-print"><RouterLink className="utrecht-link" to="/sociale-kaart">Naar zoeken</RouterLink></Paragraph>
      <Heading1>{o.name}</Heading1>
      <Paragraph lead>{o.organization}</Paragraph>
      <div className="mz-badges">
        {openAt(o, new Date()) && <StatusBadge status="safe">Nu open</StatusBadge>}
        {(o.taxonomyTerms ?? []).map((t) => <StatusBadge key={t} status="neutral">{termName(t)}</StatusBadge>)}
      </div>
      {o.description && <Paragraph>{o.description}</Paragraph>}
      <StaffFollow follows={[{ kind: 'ORGANISATION', value: o.organization!, name: `${o.organization}` },
        ...(o.taxonomyTerms ?? []).slice(0, 3).map((t) => ({ kind: 'TAXONOMY_TERM' as const, value: t, name: `Soort steun “${termName(t)}”` }))]} />

      <Heading2>Voor wie</Heading2>
      <dl className="mz-facts">
        <dt>Leeftijd</dt>
        <dd>{o.minimumAge || o.maximumAge ? `${o.minimumAge ?? 0} tot ${o.maximumAge ?? 'elke'} jaar` : 'Alle leeftijden'}</dd>
        <dt>Talen</dt>
        <dd>{(o.languages ?? []).length ? (o.languages ?? []).map((l) => label(LANGUAGES, l)).join(', ') : 'Nederlands'}</dd>
        <dt>Werkgebied</dt>
        <dd>{(o.serviceAreas ?? []).map((code) => {
          const town = o.locations?.find((l) => l.municipality === code)?.city;
          return town ? `${town} (${code})` : code;
        }).join(', ') || 'onbekend'}</dd>
      </dl>

      <Heading2>Kosten en wie betaalt</Heading2>
      <dl className="mz-facts">
        <dt>Kosten</dt>
        <dd>{o.cost ? label(COST, o.cost) : 'onbekend'}{o.costDescription ? `: ${o.costDescription}` : ''}</dd>
        <dt>Wie betaalt</dt>
        <dd>{(o.fundingRoutes ?? []).map((f) => label(FUNDING, f)).join(', ') || 'onbekend'}</dd>
      </dl>

      <Heading2>Aanmelden en contact</Heading2>
      <dl className="mz-facts">
        {o.phone && (<><dt>Telefoon</dt><dd><a className="utrecht-link" href={`tel:${o.phone.replace(/\s/g, '')}`}>{o.phone}</a></dd></>)}
        {o.email && (<><dt>E-mail</dt><dd><a className="utrecht-link" href={`mailto:${o.email}`}>{o.email}</a></dd></>)}
        {o.url && (<><dt>Website</dt><dd><a className="utrecht-link" href={o.url} rel="noopener noreferrer">{o.url}</a></dd></>)}
        {!o.phone && !o.email && !o.url && (<><dt>Contact</dt><dd>Vraag het de organisatie of uw gemeente.</dd></>)}
      </dl>

      <Heading2>Openingstijden</Heading2>
      {(o.schedules ?? []).length === 0 ? <Paragraph>Niet bekend; neem contact op.</Paragraph> : (
        <table className="utrecht-table">
          <caption className="mz-visually-hidden">Openingstijden</caption>
          <thead className="utrecht-table__header"><tr className="utrecht-table__row"><th className="utrecht-table__header-cell" scope="col">Dag</th><th className="utrecht-table__header-cell" scope="col">Tijd</th></tr></thead>
          <tbody className="utrecht-table__body">
            {[...(o.schedules ?? [])].sort((a, b) => WEEKDAY_ORDER.indexOf(a.day ?? '') - WEEKDAY_ORDER.indexOf(b.day ?? '')).map((s, i) => (
              <tr className="utrecht-table__row" key={i}>
                <th className="utrecht-table__header-cell" scope="row">{label(DAYS, s.day ?? '')}</th>
                <td className="utrecht-table__cell">{s.opensAt?.substring(0, 5)} tot {s.closesAt?.substring(0, 5)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <Heading2>Locaties</Heading2>
      <ul className="utrecht-unordered-list">
        {(o.locations ?? []).map((l, i) => (
          <li className="utrecht-unordered-list__item" key={i}>{[l.name, l.address, `${l.postalCode ?? ''} ${l.city ?? ''}`.trim()].filter(Boolean).join(', ')}</li>
        ))}
      </ul>
      {(o.locations ?? []).some((l) => l.latitude !== undefined) && (
        <Suspense fallback={<Paragraph>Kaart laden…</Paragraph>}>
          <ResultMap label="Kaart met de locaties" points={(o.locations ?? []).filter((l) => l.latitude !== undefined && l.longitude !== undefined)
            .map((l) => ({ name: l.name ?? o.name ?? 'Locatie', latitude: l.latitude!, longitude: l.longitude! }))} />
        </Suspense>
      )}

      <Heading2>Gecontroleerd</Heading2>
      <Paragraph>Laatst gecontroleerd op {dutchDate(o.lastVerifiedAt)}{o.lastVerifiedBy ? ` door ${o.lastVerifiedBy}` : ''}.</Paragraph>
      {stale && <Alert type="warning"><Paragraph>Deze gegevens zijn meer dan 12 maanden niet gecontroleerd. Bel of mail eerst.</Paragraph></Alert>}
      {o.demo && <Paragraph small>Dit is voorbeeldgegevens van de demo.</Paragraph>}

      <div className="mz-search__actions mz-no-print">
        <Button appearance="secondary-action-button" onClick={() => window.print()}>Afdrukken</Button>
      </div>
    </article>
  );
}
