/** Patients: search, register, chart and merge, switched by the query string (?q=, ?id=, ?new, ?merge). */
import { useSearchParams } from 'react-router';
import { useCan } from '../auth/use-me.ts';
import { MergePatients } from './MergePatients.tsx';
import { PatientChart } from './PatientChart.tsx';
import { PatientSearch } from './PatientSearch.tsx';
import { RegisterPatientForm } from './RegisterPatientForm.tsx';

export function PatientsPage() {
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const open = (id: string) => setParams({ id });
  const home = () => setParams({});
  const id = params.get('id');
  if (params.has('merge')) {
    return <MergePatients survivor={null} onDone={open} onCancel={home} />;
  }
  if (params.has('new')) return <RegisterPatientForm onCreated={open} onOpen={open} onCancel={home} />;
  if (id) return <PatientChart key={id} id={id} onOpen={open} onBack={home} onMerge={() => setParams({ merge: '1' })} />;
  return (
    <PatientSearch
      key={params.get('q') ?? ''}
      initialQuery={params.get('q') ?? undefined}
      onOpen={open}
      onRegister={() => setParams({ new: '1' })}
      onMerge={can('patient:merge') ? () => setParams({ merge: '1' }) : undefined}
    />
  );
}
