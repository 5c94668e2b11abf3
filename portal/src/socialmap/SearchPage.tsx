import { lazy, Suspense, useEffect, useId, useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import {
  Alert, Button, FormField, FormLabel, Heading1, Heading2, Heading3, Paragraph, Select, SelectOption, StatusBadge, Textbox,
} from '../components/nlds';
import type { Hit, SearchResult, Term } from '../api/client';
import { useTitle } from '../components/useTitle';
import { COST, DAYS, FUNDING, LANGUAGES, distance, dutchDate, label } from './labels';
import { useSearch, useTerms } from './queries';
import { FILTERS, WEEKDAY_ORDER, openAt, readSearch, writeSearch, type Filter, type SearchForm } from './search';

const ResultMap = lazy(() => import('./ResultMap'));

export const FIRST_RESULT = 'mz:eerste-resultaat';

const FILTER_NAMES: Record<Filter, string> = {
  taxonomyTerm: 'Soort steun',
  funding: 'Wie betaalt',
  cost: 'Kosten',
  language: 'Taal',
};

export function SearchPage() {
  useTitle('Sociale kaart');
  const [params, setParams] = useSearchParams();
  const form = readSearch(params);
  const search = useSearch(form);
  const terms = useTerms();
  const [showMap, setShowMap] = useState(false);

  const go = (next: SearchForm) => setParams(writeSearch(next));

  // When the first results are on screen: what bench/portal.sh measures (time to first result).
  const shown = (search.data?.items?.length ?? 0) > 0;
  useEffect(() => {
    if (shown && performance.getEntriesByName(FIRST_RESULT).length === 0) performance.mark(FIRST_RESULT);
  }, [shown]);

  return (
    <>
      <Heading1>Steun zoeken in de buurt</Heading1>
      <Paragraph>
        Zoek op wat u nodig hebt en waar. U kunt de zoekopdracht delen: het adres van deze pagina bevat alles wat u
        hebt gekozen.
      </Paragraph>
      <SearchBox form={form} onSearch={go} />
      {search.isError && (
        <Alert type="error" role="alert">
          <Paragraph>Zoeken lukt nu niet: {search.error.message}. Probeer het later opnieuw.</Paragraph>
        </Alert>
      )}
      {search.data && (
        <div className={showMap ? 'mz-results mz-results--map' : 'mz-results'}>
          <Facets form={form} result={search.data} terms={terms.data ?? []} onChange={go} />
          <section aria-labelledby="resultaten">
            <Results form={form} result={search.data} terms={terms.data ?? []} onPage={(page) => go({ ...form, page })} />
            <div className="mz-no-print">
              <Button appearance="secondary-action-button" onClick={() => setShowMap(!showMap)} aria-expanded={showMap}>
                {showMap ? 'Kaart verbergen' : 'Toon op de kaart'}
              </Button>
            </div>
          </section>
          {showMap && (
            <Suspense fallback={<Paragraph>Kaart laden…</Paragraph>}>
              <ResultMap points={(search.data.items ?? []).flatMap((hit) => (hit.service?.locations ?? [])
                .filter((l) => l.latitude !== undefined && l.longitude !== undefined)
                .map((l) => ({ name: hit.service?.name ?? 'Aanbod', latitude: l.latitude!, longitude: l.longitude!,
                  href: `/sociale-kaart/aanbod/${hit.service?.id}` })))} />
            </Suspense>
          )}
        </div>
      )}
    </>
  );
}

function SearchBox({ form, onSearch }: { form: SearchForm; onSearch: (form: SearchForm) => void }) {
  const ids = { q: useId(), near: useId(), radius: useId(), age: useId(), open: useId(), day: useId(), time: useId() };
  const [draft, setDraft] = useState(form);
  const [locating, setLocating] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ ...draft, page: 0 });
  };

  const myLocation = () => {
    if (!navigator.geolocation) {
      setLocating('Uw browser kan uw locatie niet geven. Vul een plaats of postcode in.');
      return;
    }
    setLocating('Uw locatie opvragen…');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(undefined);
        const next = { ...draft, near: '', lat: Number(position.coords.latitude.toFixed(4)), lon: Number(position.coords.longitude.toFixed(4)), page: 0 };
        setDraft(next);
        onSearch(next);
      },
      () => setLocating('Uw locatie is niet bekend (geen toestemming?). Vul een plaats of postcode in.'),
      { timeout: 10_000 },
    );
  };

  return (
    <form role="search" aria-label="Sociale kaart doorzoeken" onSubmit={submit} className="mz-no-print">
      <div className="mz-search">
        <FormField>
          <FormLabel htmlFor={ids.q}>Wat zoekt u?</FormLabel>
          <Textbox id={ids.q} name="q" value={draft.q} maxLength={200} placeholder="bijvoorbeeld logeeropvang"
            onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.near}>Plaats of postcode</FormLabel>
          <Textbox id={ids.near} name="near" autoComplete="postal-code" value={draft.lat !== undefined ? '' : draft.near} maxLength={100}
            placeholder={draft.lat !== undefined ? 'Mijn locatie' : 'bijvoorbeeld Zwolle'}
            onChange={(e) => setDraft({ ...draft, near: e.target.value, lat: undefined, lon: undefined })} />
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.radius}>Afstand</FormLabel>
          <Select id={ids.radius} name="radiusKm" value={draft.radiusKm ?? ''}
            onChange={(e) => setDraft({ ...draft, radiusKm: e.target.value ? Number(e.target.value) : undefined })}>
            <SelectOption value="">Standaard</SelectOption>
            {[2, 5, 10, 25, 50].map((km) => <SelectOption key={km} value={String(km)}>{`binnen ${km} km`}</SelectOption>)}
          </Select>
        </FormField>
      </div>
      <div className="mz-search__actions">
        <FormField>
          <FormLabel htmlFor={ids.age}>Leeftijd van degene voor wie u zorgt</FormLabel>
          <Textbox id={ids.age} name="age" inputMode="numeric" value={draft.age ?? ''} maxLength={3} size={4} className="mz-age"
            onChange={(e) => setDraft({ ...draft, age: /^\d{1,3}$/.test(e.target.value) ? Number(e.target.value) : undefined })} />
        </FormField>
        <div className="mz-check">
          <input type="checkbox" id={ids.open} className="utrecht-checkbox utrecht-checkbox--html-input" checked={draft.openNow}
            onChange={(e) => setDraft({ ...draft, openNow: e.target.checked, openDay: undefined, openTime: undefined })} />
          <FormLabel htmlFor={ids.open} type="checkbox">Nu open</FormLabel>
        </div>
        <FormField>
          <FormLabel htmlFor={ids.day}>Of open op</FormLabel>
          <Select id={ids.day} name="openDay" value={draft.openDay ?? ''} disabled={draft.openNow}
            onChange={(e) => setDraft({ ...draft, openDay: e.target.value || undefined, openTime: e.target.value ? draft.openTime ?? '10:00' : undefined })}>
            <SelectOption value="">elke dag</SelectOption>
            {WEEKDAY_ORDER.map((day) => <SelectOption key={day} value={day}>{DAYS[day]}</SelectOption>)}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.time}>om</FormLabel>
          <Textbox id={ids.time} name="openTime" type="time" value={draft.openTime ?? ''} disabled={draft.openNow || !draft.openDay}
            onChange={(e) => setDraft({ ...draft, openTime: e.target.value || undefined })} />
        </FormField>
      </div>
      <div className="mz-search__actions">
        <Button type="submit" appearance="primary-action-button">Zoeken</Button>
        <Button type="button" appearance="secondary-action-button" onClick={myLocation}>Mijn locatie gebruiken</Button>
      </div>
      {locating && <Paragraph role="status">{locating}</Paragraph>}
    </form>
  );
}

function termName(terms: Term[], code: string) {
  return terms.find((t) => t.code === code)?.name ?? code;
}

function valueName(filter: Filter, code: string, terms: Term[]) {
  switch (filter) {
    case 'taxonomyTerm': return termName(terms, code);
    case 'funding': return label(FUNDING, code);
    case 'cost': return label(COST, code);
    case 'language': return label(LANGUAGES, code);
  }
}

/** Filters with the number of results each would give; one value per filter, as the API takes. */
function Facets({ form, result, terms, onChange }: { form: SearchForm; result: SearchResult; terms: Term[]; onChange: (f: SearchForm) => void }) {
  const base = useId();
  return (
    <aside className="mz-facets mz-no-print" aria-labelledby={`${base}-titel`}>
      <Heading2 id={`${base}-titel`}>Filters</Heading2>
      {FILTERS.map((filter) => {
        const counts = Object.entries(result.facets?.[filter] ?? {}).sort((a, b) => b[1] - a[1]);
        if (counts.length === 0 && !form[filter]) return null;
        const name = `${base}-${filter}`;
        return (
          <fieldset key={filter}>
            <legend>{FILTER_NAMES[filter]}</legend>
            <div className="mz-facet">
              <input type="radio" id={`${name}-alle`} name={name} className="utrecht-radio-button utrecht-radio-button--html-input" checked={!form[filter]}
                onChange={() => onChange({ ...form, [filter]: undefined, page: 0 })} />
              <label htmlFor={`${name}-alle`}>Alles</label>
            </div>
            {counts.map(([code, count]) => (
              <div className="mz-facet" key={code}>
                <input type="radio" id={`${name}-${code}`} name={name} className="utrecht-radio-button utrecht-radio-button--html-input" checked={form[filter] === code}
                  onChange={() => onChange({ ...form, [filter]: code, page: 0 })} />
                <label htmlFor={`${name}-${code}`}>{valueName(filter, code, terms)} <span>({count})</span></label>
              </div>
            ))}
          </fieldset>
        );
      })}
    </aside>
  );
}

function Results({ form, result, terms, onPage }: { form: SearchForm; result: SearchResult; terms: Term[]; onPage: (page: number) => void }) {
  const total = result.page?.totalElements ?? 0;
  const pages = result.page?.totalPages ?? 0;
  const now = new Date();
  return (
    <>
      <Heading2 id="resultaten" aria-live="polite">{total === 1 ? '1 resultaat' : `${total} resultaten`}</Heading2>
      {result.place && (
        <Paragraph>
          {result.place.resolved
            ? `Gezocht rond ${result.place.name}.`
            : `De plaats "${result.place.query}" is niet gevonden${result.place.reason ? ` (${result.place.reason})` : ''}. Er is overal gezocht.`}
        </Paragraph>
      )}
      {(result.notes ?? []).map((note) => <Alert key={note} type="info"><Paragraph>{note}</Paragraph></Alert>)}
      {total === 0 && <Paragraph>Niets gevonden. Probeer andere woorden, een grotere afstand of minder filters.</Paragraph>}
      <ol className="mz-hits">
        {(result.items ?? []).map((hit) => <HitItem key={hit.service?.id} hit={hit} terms={terms} now={now} />)}
      </ol>
      {pages > 1 && (
        <nav aria-label="Paginering" className="mz-search__actions mz-no-print">
          {form.page > 0 && <Button appearance="secondary-action-button" onClick={() => onPage(form.page - 1)}>Vorige pagina</Button>}
          <Paragraph>Pagina {form.page + 1} van {pages}</Paragraph>
          {form.page + 1 < pages && <Button appearance="secondary-action-button" onClick={() => onPage(form.page + 1)}>Volgende pagina</Button>}
        </nav>
      )}
    </>
  );
}

function HitItem({ hit, terms, now }: { hit: Hit; terms: Term[]; now: Date }) {
  const offer = hit.service!;
  const far = distance(hit.distanceKm);
  return (
    <li className="mz-hit">
      <Heading3><RouterLink className="utrecht-link" to={`/sociale-kaart/aanbod/${offer.id}`}>{offer.name}</RouterLink></Heading3>
      <ul className="mz-hit__meta">
        <li>{offer.organization}</li>
        {far && <li>{far} hiervandaan</li>}
        {(offer.taxonomyTerms ?? []).slice(0, 2).map((t) => <li key={t}>{termName(terms, t)}</li>)}
      </ul>
      <div className="mz-badges">
        {openAt(offer, now) && <StatusBadge status="safe">Nu open</StatusBadge>}
        {(offer.fundingRoutes ?? []).map((f) => <StatusBadge key={f} status="neutral">{label(FUNDING, f)}</StatusBadge>)}
        {offer.cost === 'FREE' && !(offer.fundingRoutes ?? []).includes('FREE') && <StatusBadge status="neutral">Gratis</StatusBadge>}
      </div>
      <Paragraph small>
        Laatst gecontroleerd: {dutchDate(offer.lastVerifiedAt)}
        {hit.needsVerification && <strong> · Let op: al meer dan 12 maanden niet gecontroleerd</strong>}
      </Paragraph>
    </li>
  );
}
