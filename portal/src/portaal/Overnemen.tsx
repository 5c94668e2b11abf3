import { useId, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { experiments, unwrap, type ExperimentView } from '../api/client';
import { useMe } from '../api/session';
import { Alert, Button, FormField, FormLabel, Heading2, Paragraph, Select, SelectOption } from '../components/nlds';
import { refusal } from './forms';
import { useExperiment, usePractice, usePractices, useRunChart } from './queries';
import { RunChart } from './RunChart';

/** Where an experiment came from and where it went: 's-Hertogenbosch → Noordoostpolder. */
export function Lineage({ experiment }: { experiment: ExperimentView }) {
  const adoptions = experiment.adoptions ?? [];
  if (!experiment.adoptedFrom && adoptions.length === 0) return null;
  return (
    <>
      <Heading2>Herkomst en navolging</Heading2>
      <ol className="mz-lineage">
        {experiment.adoptedFrom && (
          <li><RouterLink className="utrecht-link" to={`/portaal/experimenten/${experiment.adoptedFrom.experimentId}`}>{experiment.adoptedFrom.practiceName}</RouterLink> (bron)</li>
        )}
        <li aria-current="page"><strong>{experiment.practiceName}</strong> (dit experiment)</li>
        {adoptions.map((a) => (
          <li key={a.id}><RouterLink className="utrecht-link" to={`/portaal/experimenten/${a.id}`}>{a.practiceName}</RouterLink> (overgenomen)</li>
        ))}
      </ol>
    </>
  );
}

/** The origin's run chart of the same measure beside the copy's: does it work here too? */
export function OriginChart({ experiment, measureName }: { experiment: ExperimentView; measureName: string }) {
  const origin = useExperiment(experiment.adoptedFrom?.experimentId ?? '');
  const measure = origin.data?.measures?.find((m) => m.name === measureName);
  const chart = useRunChart(origin.data?.id ?? '', measure?.id ?? '');
  if (!experiment.adoptedFrom || !measure || !chart.data) return null;
  return (
    <section className="mz-origin">
      <h3 className="utrecht-heading-3">{`Bij de bron (${experiment.adoptedFrom.practiceName}): werkt het bij ons ook?`}</h3>
      <RunChart chart={chart.data} cycles={origin.data?.cycles ?? []} />
    </section>
  );
}

/** Adopting an experiment into one of my organisation's practices: a pre-filled copy. */
export function AdoptForm({ experiment }: { experiment: ExperimentView }) {
  const me = useMe();
  const ids = { practice: useId(), organisations: useId() };
  const mine = usePractices({ organisation: me.data?.organisation });
  const candidates = (mine.data?.items ?? []).filter((p) => p.id !== experiment.practiceId);
  const [practiceId, setPracticeId] = useState('');
  const chosen = usePractice(practiceId);
  const [organisations, setOrganisations] = useState<string[]>([]);
  const navigate = useNavigate();
  const adopt = useMutation({
    mutationFn: () => unwrap(experiments.POST('/experiments/{id}/adoptions', {
      params: { path: { id: experiment.id! } }, body: { practiceId, organisations } })),
    onSuccess: (copy) => navigate(`/portaal/experimenten/${copy.id}`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    adopt.mutate();
  };
  if (mine.data && candidates.length === 0) return <Paragraph>U hebt geen andere praktijk om dit experiment in over te nemen.</Paragraph>;
  return (
    <form onSubmit={submit} className="mz-no-print mz-form" aria-label="Overnemen in mijn praktijk">
      <FormField>
        <FormLabel htmlFor={ids.practice}>In welke praktijk?</FormLabel>
        <Select id={ids.practice} value={practiceId} onChange={(e) => { setPracticeId(e.target.value); setOrganisations([]); }}>
          <SelectOption value="">Kies een praktijk</SelectOption>
          {candidates.map((p) => <SelectOption key={p.id} value={p.id}>{p.name}</SelectOption>)}
        </Select>
      </FormField>
      {chosen.data && (
        <fieldset className="mz-facets-fieldset">
          <legend>Eigenaar in die praktijk</legend>
          {(chosen.data.organisations ?? []).map((o) => (
            <div className="mz-facet" key={o.name}>
              <input type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" id={`${ids.organisations}-${o.name}`}
                checked={organisations.includes(o.name!)}
                onChange={(e) => setOrganisations(e.target.checked ? [...organisations, o.name!] : organisations.filter((x) => x !== o.name))} />
              <label htmlFor={`${ids.organisations}-${o.name}`}>{o.name}</label>
            </div>
          ))}
        </fieldset>
      )}
      {adopt.isError && <Alert type="error"><Paragraph>{refusal(adopt.error)}</Paragraph></Alert>}
      <Button type="submit" appearance="primary-action-button" disabled={!practiceId || adopt.isPending}>Overnemen</Button>
    </form>
  );
}
