import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { experiments, unwrap } from '../api/client';
import { Alert, Button, FormField, FormLabel, Heading1, Paragraph, Select, SelectOption, Textbox } from '../components/nlds';
import { useTitle } from '../components/useTitle';
import { fieldErrors, refusal } from './forms';
import { LEVEL, OUTCOME, PHASE } from './labels';
import { usePractice } from './queries';

type Level = 'BEHIND_THE_FRONT_DOOR' | 'BETWEEN_PROFESSIONALS' | 'NEIGHBOURHOOD_AND_MUNICIPALITY';
type Phase = 'DISCOVER' | 'DREAM' | 'DESIGN' | 'DELIVER';
type Outcome = keyof typeof OUTCOME;

/** A new experiment within a practice; the form says why a field is refused, next to the field. */
export default function NieuwExperiment() {
  const { id = '' } = useParams();
  const practice = usePractice(id);
  const navigate = useNavigate();
  useTitle('Nieuw experiment');
  const ids = { title: useId(), goal: useId(), level: useId(), phase: useId(), outcomes: useId(), organisations: useId() };
  const [form, setForm] = useState({ title: '', goal: '', level: 'BETWEEN_PROFESSIONALS' as Level, phase: 'DISCOVER' as Phase,
    outcomes: [] as Outcome[], organisations: [] as string[] });
  const create = useMutation({
    mutationFn: () => unwrap(experiments.POST('/experiments', { body: {
      practiceId: id, title: form.title, goal: form.goal || undefined, level: form.level, phase: form.phase,
      outcomes: form.outcomes as never, organisations: form.organisations } })),
    onSuccess: (created) => navigate(`/portaal/experimenten/${created.id}`),
  });
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const error = (field: string) => errors[field] && <p className="utrecht-form-field-error-message" id={`${field}-fout`}>{errors[field]}</p>;
  const described = (field: string) => (errors[field] ? { invalid: true, 'aria-invalid': true, 'aria-describedby': `${field}-fout` } : {});
  return (
    <>
      <Heading1>Nieuw experiment</Heading1>
      <Paragraph>In {practice.data?.name ?? 'deze praktijk'}.</Paragraph>
      {create.isError && <Alert type="error"><Paragraph>{refusal(create.error)}</Paragraph></Alert>}
      <form onSubmit={submit} noValidate>
        <FormField invalid={!!errors.title}>
          <FormLabel htmlFor={ids.title}>Titel</FormLabel>
          {error('title')}
          <Textbox id={ids.title} value={form.title} required maxLength={200} {...described('title')}
            onChange={(e) => setForm({ ...form, title: e.target.value })} />
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.goal}>Doel</FormLabel>
          <Textbox id={ids.goal} value={form.goal} maxLength={2000} onChange={(e) => setForm({ ...form, goal: e.target.value })} />
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.level}>Niveau van samenwerking</FormLabel>
          <Select id={ids.level} value={form.level} onChange={(e) => setForm({ ...form, level: e.target.value as Level })}>
            {Object.entries(LEVEL).map(([code, name]) => <SelectOption key={code} value={code}>{name}</SelectOption>)}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.phase}>Fase (Appreciative Inquiry)</FormLabel>
          <Select id={ids.phase} value={form.phase} onChange={(e) => setForm({ ...form, phase: e.target.value as Phase })}>
            {Object.entries(PHASE).map(([code, name]) => <SelectOption key={code} value={code}>{name}</SelectOption>)}
          </Select>
        </FormField>
        <fieldset className="mz-facets-fieldset" aria-describedby={errors.outcomes ? 'outcomes-fout' : undefined}>
          <legend>Uitkomsten (een of meer)</legend>
          {error('outcomes')}
          {Object.entries(OUTCOME).map(([code, name]) => (
            <div className="mz-facet" key={code}>
              <input type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" id={`${ids.outcomes}-${code}`}
                checked={form.outcomes.includes(code as Outcome)}
                onChange={(e) => setForm({ ...form, outcomes: e.target.checked ? [...form.outcomes, code as Outcome] : form.outcomes.filter((o) => o !== code) })} />
              <label htmlFor={`${ids.outcomes}-${code}`}>{name}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="mz-facets-fieldset">
          <legend>Eigenaar (organisaties van de praktijk)</legend>
          {error('organisations')}
          {(practice.data?.organisations ?? []).map((o) => (
            <div className="mz-facet" key={o.name}>
              <input type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" id={`${ids.organisations}-${o.name}`}
                checked={form.organisations.includes(o.name!)}
                onChange={(e) => setForm({ ...form, organisations: e.target.checked ? [...form.organisations, o.name!] : form.organisations.filter((x) => x !== o.name) })} />
              <label htmlFor={`${ids.organisations}-${o.name}`}>{o.name}</label>
            </div>
          ))}
        </fieldset>
        <div className="mz-search__actions">
          <Button type="submit" appearance="primary-action-button" disabled={create.isPending}>Experiment aanmaken</Button>
        </div>
      </form>
    </>
  );
}
