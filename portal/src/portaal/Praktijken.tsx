import { useId } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { FormField, FormLabel, Heading1, Paragraph, Select, SelectOption, Textbox } from '../components/nlds';
import { useTitle } from '../components/useTitle';
import { label } from '../socialmap/labels';
import { PRACTICE_KIND, PRACTICE_STATUS } from './labels';
import { usePractices } from './queries';

type Kind = 'LEARNING_PRACTICE' | 'PRACTICE_ACCELERATOR';
type Status = 'PLANNED' | 'ACTIVE' | 'COMPLETED' | 'ARCHIVED';

/** Praktijken: the API's filters, kept in the URL. */
export default function Praktijken() {
  useTitle('Praktijken');
  const [params, setParams] = useSearchParams();
  const ids = { q: useId(), kind: useId(), status: useId(), organisation: useId() };
  const query = {
    q: params.get('q') || undefined,
    kind: (params.get('kind') || undefined) as Kind | undefined,
    status: (params.get('status') || undefined) as Status | undefined,
    organisation: params.get('organisation') || undefined,
  };
  const list = usePractices(query);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <>
      <Heading1>Praktijken</Heading1>
      <Paragraph className="mz-no-print"><RouterLink className="utrecht-link" to="/portaal/praktijken/nieuw">Nieuwe praktijk</RouterLink></Paragraph>
      <form className="mz-search mz-no-print" role="search" aria-label="Praktijken filteren" onSubmit={(e) => e.preventDefault()}>
        <FormField>
          <FormLabel htmlFor={ids.q}>Naam of thema</FormLabel>
          <Textbox id={ids.q} defaultValue={query.q} onChange={(e) => set('q', e.target.value)} maxLength={200} />
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.kind}>Soort</FormLabel>
          <Select id={ids.kind} value={query.kind ?? ''} onChange={(e) => set('kind', e.target.value)}>
            <SelectOption value="">Alle soorten</SelectOption>
            {Object.entries(PRACTICE_KIND).map(([code, name]) => <SelectOption key={code} value={code}>{name}</SelectOption>)}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.status}>Status</FormLabel>
          <Select id={ids.status} value={query.status ?? ''} onChange={(e) => set('status', e.target.value)}>
            <SelectOption value="">Niet gearchiveerd</SelectOption>
            {Object.entries(PRACTICE_STATUS).map(([code, name]) => <SelectOption key={code} value={code}>{name}</SelectOption>)}
          </Select>
        </FormField>
      </form>
      <Paragraph aria-live="polite">{list.data ? `${list.data.page?.totalElements ?? 0} praktijken` : 'Laden…'}</Paragraph>
      <ul className="mz-hits">
        {(list.data?.items ?? []).map((p) => (
          <li className="mz-hit" key={p.id}>
            <h2 className="utrecht-heading-3"><RouterLink className="utrecht-link" to={`/portaal/praktijken/${p.id}`}>{p.name}</RouterLink></h2>
            <Paragraph small>
              {label(PRACTICE_KIND, p.kind ?? '')} · {p.region} · {label(PRACTICE_STATUS, p.status ?? '')} · {(p.organisations ?? []).map((o) => o.name).join(', ')}
            </Paragraph>
          </li>
        ))}
      </ul>
    </>
  );
}
