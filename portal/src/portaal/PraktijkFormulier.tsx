import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useOutletContext, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { practices, unwrap, type Practice } from '../api/client';
import type { Me } from '../api/session';
import { Alert, Button, Heading1, Heading2, Paragraph, Select, SelectOption, Textbox } from '../components/nlds';
import { useTitle } from '../components/useTitle';
import { ConflictChoice } from './Conflict';
import { Checkboxes, Field } from './Field';
import { fieldErrors, ifMatch, isConflict, refusal } from './forms';
import { CENTRAL_QUESTION, ORGANISATION_TYPE, PRACTICE_KIND, PRACTICE_STATUS } from './labels';
import { usePractice } from './queries';
import { Rows } from './Rows';

type Form = {
  name: string; kind: string; region: string; status: string; positiveCoreTheme: string; designQuestions: string;
  centralQuestions: string[]; startDate: string; endDate: string;
  municipalities: { cbsCode: string; name: string }[];
  organisations: { name: string; type: string }[];
  contacts: { name: string; role: string; email: string }[];
  lessonsLearned: { title: string; description: string; recordedOn: string }[];
};

function toForm(p: Practice | undefined, organisation?: string): Form {
  return {
    name: p?.name ?? '', kind: p?.kind ?? 'LEARNING_PRACTICE', region: p?.region ?? '', status: p?.status ?? 'PLANNED',
    positiveCoreTheme: p?.positiveCoreTheme ?? '', designQuestions: (p?.designQuestions ?? []).join('\n'),
    centralQuestions: p?.centralQuestions ?? [], startDate: p?.startDate ?? '', endDate: p?.endDate ?? '',
    municipalities: (p?.municipalities ?? []).map((m) => ({ cbsCode: m.cbsCode ?? '', name: m.name ?? '' })),
    organisations: p ? (p.organisations ?? []).map((o) => ({ name: o.name ?? '', type: o.type ?? 'OTHER' }))
      : organisation ? [{ name: organisation, type: 'WELFARE' }] : [],
    contacts: (p?.contacts ?? []).map((c) => ({ name: c.name ?? '', role: c.role ?? '', email: c.email ?? '' })),
    lessonsLearned: (p?.lessonsLearned ?? []).map((l) => ({ title: l.title ?? '', description: l.description ?? '', recordedOn: l.recordedOn ?? '' })),
  };
}

const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());

function toRequest(f: Form) {
  return {
    name: f.name, kind: f.kind as 'LEARNING_PRACTICE', region: f.region, status: f.status as 'PLANNED',
    positiveCoreTheme: blank(f.positiveCoreTheme),
    designQuestions: f.designQuestions.split('\n').map((q) => q.trim()).filter(Boolean),
    centralQuestions: f.centralQuestions as 'SUPPORT_WELL'[], startDate: blank(f.startDate), endDate: blank(f.endDate),
    municipalities: f.municipalities, organisations: f.organisations as { name: string; type: 'OTHER' }[],
    contacts: f.contacts.map((c) => ({ ...c, email: blank(c.email) })),
    lessonsLearned: f.lessonsLearned.map((l) => ({ title: l.title, description: blank(l.description), recordedOn: blank(l.recordedOn) })),
  };
}

/** What a person compares in a conflict: each field as the text they see in the form. */
function comparable(f: Form): Record<string, string> {
  return {
    Naam: f.name, Soort: PRACTICE_KIND[f.kind] ?? f.kind, Regio: f.region, Status: PRACTICE_STATUS[f.status] ?? f.status,
    'Positief kernthema': f.positiveCoreTheme, Ontwerpvragen: f.designQuestions,
    'Centrale vragen': f.centralQuestions.map((q) => CENTRAL_QUESTION[q] ?? q).join(', '),
    Start: f.startDate, Einde: f.endDate,
    Gemeenten: f.municipalities.map((m) => `${m.name} (${m.cbsCode})`).join(', '),
    Organisaties: f.organisations.map((o) => o.name).join(', '),
    Contactpersonen: f.contacts.map((c) => [c.name, c.role, c.email].filter(Boolean).join(', ')).join('; '),
    'Geleerde lessen': f.lessonsLearned.map((l) => l.title).join('; '),
  };
}

/** Create a practice, or edit one the caller's organisation takes part in; archive it with a confirmation. */
export default function PraktijkFormulier() {
  const { id } = useParams();
  const me = useOutletContext<Me>();
  const existing = usePractice(id ?? '');
  const navigate = useNavigate();
  const queries = useQueryClient();
  useTitle(id ? `Praktijk bewerken${existing.data ? `: ${existing.data.name}` : ''}` : 'Nieuwe praktijk');
  const [form, setForm] = useState<Form>(() => toForm(undefined, me.organisation));
  const [version, setVersion] = useState<number | undefined>();
  const [theirs, setTheirs] = useState<Practice | undefined>();
  const [confirmArchive, setConfirmArchive] = useState(false);

  useEffect(() => {
    if (existing.data && version === undefined) {
      setForm(toForm(existing.data));
      setVersion(existing.data.version);
    }
  }, [existing.data, version]);

  const save = useMutation({
    mutationFn: (basedOn: number | undefined) => id
      ? unwrap(practices.PUT('/practices/{id}', { params: { path: { id }, header: { 'If-Match': ifMatch(basedOn) } }, body: toRequest(form) }))
      : unwrap(practices.POST('/practices', { body: toRequest(form) })),
    onSuccess: async (saved) => {
      await queries.invalidateQueries({ queryKey: ['practices'] });
      queries.setQueryData(['practice', saved.id], saved);
      navigate(`/portaal/praktijken/${saved.id}`, { state: { saved: true } });
    },
    onError: async (error) => {
      if (isConflict(error) && id) {
        setTheirs(undefined);
        setTheirs(await unwrap(practices.GET('/practices/{id}', { params: { path: { id } } })));
      }
    },
  });
  const archive = useMutation({
    mutationFn: () => unwrap(practices.POST('/practices/{id}/archive', { params: { path: { id: id! }, header: { 'If-Match': ifMatch(version) } } })),
    onSuccess: async (archived) => {
      await queries.invalidateQueries({ queryKey: ['practices'] });
      queries.setQueryData(['practice', archived.id], archived);
      navigate(`/portaal/praktijken/${archived.id}`);
    },
  });

  if (id && existing.isPending) return <Paragraph>Laden…</Paragraph>;
  if (id && existing.isError) return <Heading1>Deze praktijk is nu niet te laden</Heading1>;
  if (existing.data?.archived) {
    return (<><Heading1>{existing.data.name}</Heading1><Paragraph>Deze praktijk is gearchiveerd en kan niet meer worden gewijzigd.</Paragraph></>);
  }
  const errors = fieldErrors(save.error);
  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => setForm({ ...form, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTheirs(undefined);
    save.mutate(version);
  };
  const conflict = isConflict(save.error);
  return (
    <>
      <Paragraph className="mz-no-print">
        <RouterLink className="utrecht-link" to={id ? `/portaal/praktijken/${id}` : '/portaal/praktijken'}>{id ? 'Terug naar de praktijk' : 'Alle praktijken'}</RouterLink>
      </Paragraph>
      <Heading1>{id ? 'Praktijk bewerken' : 'Nieuwe praktijk'}</Heading1>
      {!id && !me.roles.includes('COORDINATOR') && (
        <Paragraph>Uw organisatie ({me.organisation}) moet bij de organisaties staan: u kunt alleen praktijken maken waaraan uw organisatie meedoet.</Paragraph>
      )}
      {save.isError && !conflict && <Alert type="error"><Paragraph>{refusal(save.error)}</Paragraph></Alert>}
      {conflict && (
        <ConflictChoice mine={comparable(form)} theirs={theirs && comparable(toForm(theirs))} busy={save.isPending}
          onKeepMine={() => { setVersion(theirs!.version); save.mutate(theirs!.version); }}
          onTakeTheirs={() => { setForm(toForm(theirs)); setVersion(theirs!.version); save.reset(); }} />
      )}
      <form onSubmit={submit} noValidate className="mz-form" aria-label={id ? 'Praktijk bewerken' : 'Nieuwe praktijk'}>
        <Field label="Naam" error={errors.name}>
          <Textbox value={form.name} required maxLength={200} onChange={(e) => set('name')(e.target.value)} />
        </Field>
        <Field label="Soort" error={errors.kind}>
          <Select value={form.kind} onChange={(e) => set('kind')(e.target.value)}>
            {Object.entries(PRACTICE_KIND).map(([code, name]) => <SelectOption key={code} value={code}>{name}</SelectOption>)}
          </Select>
        </Field>
        <Field label="Regio" error={errors.region}>
          <Textbox value={form.region} required maxLength={200} onChange={(e) => set('region')(e.target.value)} />
        </Field>
        <Field label="Status" error={errors.status}>
          <Select value={form.status} onChange={(e) => set('status')(e.target.value)}>
            {Object.entries(PRACTICE_STATUS).filter(([code]) => code !== 'ARCHIVED').map(([code, name]) => <SelectOption key={code} value={code}>{name}</SelectOption>)}
          </Select>
        </Field>
        <Rows legend="Gemeenten" rows={form.municipalities} onChange={set('municipalities')} empty={() => ({ cbsCode: '', name: '' })}
          addLabel="Gemeente toevoegen" error={errors.municipalities} render={(m, change, i) => (
            <div className="mz-search">
              <Field label="Naam" error={errors[`municipalities[${i}].name`]}><Textbox value={m.name} onChange={(e) => change({ ...m, name: e.target.value })} /></Field>
              <Field label="CBS-code" hint="Bijvoorbeeld GM0193" error={errors[`municipalities[${i}].cbsCode`]}>
                <Textbox value={m.cbsCode} maxLength={6} onChange={(e) => change({ ...m, cbsCode: e.target.value.toUpperCase() })} />
              </Field>
            </div>
          )} />
        <Rows legend="Organisaties" rows={form.organisations} onChange={set('organisations')} empty={() => ({ name: '', type: 'WELFARE' })}
          addLabel="Organisatie toevoegen" error={errors.organisations} render={(o, change, i) => (
            <div className="mz-search">
              <Field label="Naam" error={errors[`organisations[${i}].name`]}><Textbox value={o.name} onChange={(e) => change({ ...o, name: e.target.value })} /></Field>
              <Field label="Soort organisatie">
                <Select value={o.type} onChange={(e) => change({ ...o, type: e.target.value })}>
                  {Object.entries(ORGANISATION_TYPE).map(([code, name]) => <SelectOption key={code} value={code}>{name}</SelectOption>)}
                </Select>
              </Field>
            </div>
          )} />
        <Field label="Positief kernthema" error={errors.positiveCoreTheme}>
          <Textbox value={form.positiveCoreTheme} maxLength={1000} onChange={(e) => set('positiveCoreTheme')(e.target.value)} />
        </Field>
        <Field label="Ontwerpvragen" hint="Eén vraag per regel" error={errors.designQuestions}>
          <textarea className="utrecht-textarea utrecht-textarea--html-textarea mz-textarea" rows={4} value={form.designQuestions}
            onChange={(e) => set('designQuestions')(e.target.value)} />
        </Field>
        <Checkboxes legend="Centrale vragen" options={CENTRAL_QUESTION} value={form.centralQuestions} onChange={set('centralQuestions')} error={errors.centralQuestions} />
        <div className="mz-search">
          <Field label="Start" error={errors.startDate}><Textbox type="date" value={form.startDate} onChange={(e) => set('startDate')(e.target.value)} /></Field>
          <Field label="Einde" error={errors.endDate}><Textbox type="date" value={form.endDate} onChange={(e) => set('endDate')(e.target.value)} /></Field>
        </div>
        <Rows legend="Contactpersonen" rows={form.contacts} onChange={set('contacts')} empty={() => ({ name: '', role: '', email: '' })}
          addLabel="Contactpersoon toevoegen" error={errors.contacts} render={(c, change, i) => (
            <div className="mz-search">
              <Field label="Naam" error={errors[`contacts[${i}].name`]}><Textbox value={c.name} onChange={(e) => change({ ...c, name: e.target.value })} /></Field>
              <Field label="Rol" error={errors[`contacts[${i}].role`]}><Textbox value={c.role} onChange={(e) => change({ ...c, role: e.target.value })} /></Field>
              <Field label="E-mail" error={errors[`contacts[${i}].email`]}><Textbox type="email" value={c.email} onChange={(e) => change({ ...c, email: e.target.value })} /></Field>
            </div>
          )} />
        <Rows legend="Geleerde lessen" rows={form.lessonsLearned} onChange={set('lessonsLearned')} empty={() => ({ title: '', description: '', recordedOn: '' })}
          addLabel="Les toevoegen" error={errors.lessonsLearned} render={(l, change, i) => (
            <>
              <Field label="Les" error={errors[`lessonsLearned[${i}].title`]}><Textbox value={l.title} onChange={(e) => change({ ...l, title: e.target.value })} /></Field>
              <Field label="Toelichting"><Textbox value={l.description} onChange={(e) => change({ ...l, description: e.target.value })} /></Field>
            </>
          )} />
        <div className="mz-search__actions">
          <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>{id ? 'Wijzigingen opslaan' : 'Praktijk aanmaken'}</Button>
        </div>
      </form>
      {id && (
        <section className="mz-no-print">
          <Heading2>Archiveren</Heading2>
          <Paragraph>Een gearchiveerde praktijk blijft te lezen, maar niemand kan haar nog wijzigen. Dit kan niet ongedaan worden gemaakt.</Paragraph>
          {archive.isError && <Alert type="error"><Paragraph>{refusal(archive.error)}</Paragraph></Alert>}
          {!confirmArchive ? (
            <Button type="button" appearance="secondary-action-button" onClick={() => setConfirmArchive(true)}>Praktijk archiveren…</Button>
          ) : (
            <Alert type="warning">
              <Paragraph>Weet u zeker dat u “{existing.data?.name}” wilt archiveren?</Paragraph>
              <div className="mz-search__actions">
                <Button type="button" appearance="primary-action-button" disabled={archive.isPending} onClick={() => archive.mutate()}>Ja, archiveren</Button>
                <Button type="button" appearance="secondary-action-button" onClick={() => setConfirmArchive(false)}>Nee, niet archiveren</Button>
              </div>
            </Alert>
          )}
        </section>
      )}
    </>
  );
}
