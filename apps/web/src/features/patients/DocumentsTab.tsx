/** Documents: upload (PDF, JPEG, PNG, TIFF up to 10 MB) and view images and PDFs in place. */
import { Alert, Button, FileInput, Group, Image, Select, Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSubmit } from '../../api/use-submit.ts';
import { CATEGORIES, coveragesQuery, type DocumentInfo, documentObjectUrl, documentsQuery, uploadDocument } from './patients-api.ts';
import { patientKeys } from './query-keys.ts';

function Viewer({ doc }: { doc: DocumentInfo }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    documentObjectUrl(doc.id).then(
      (u) => {
        made = u;
        setUrl(u);
      },
      (e: Error) => setError(e.message),
    );
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [doc.id]);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!url) return null;
  if (doc.contentType === 'application/pdf')
    return <iframe title={doc.fileName} src={url} style={{ width: '100%', height: 600, border: 0 }} />;
  return <Image src={url} alt={doc.fileName} mah={600} fit="contain" />;
}

export function DocumentsTab({ patientId }: { patientId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [category, setCategory] = useState<string>('insurance_card');
  const [coverageId, setCoverageId] = useState<string | null>(null);
  const [viewing, setViewing] = useState<DocumentInfo | null>(null);
  const docs = useQuery(documentsQuery(patientId));
  const coverages = useQuery(coveragesQuery(patientId));
  const coverageLabel = (id: string | null) => {
    const c = id ? coverages.data?.items.find((x) => x.id === id) : undefined;
    return c ? `${c.payerName} ${c.memberId}` : '';
  };
  const uploading = useSubmit(
    (chosen: File) => uploadDocument(patientId, chosen, { category, coverageId: category === 'insurance_card' ? coverageId : null }),
    { invalidate: [patientKeys.documents(patientId)], onSuccess: () => setFile(null) },
  );
  const { error } = uploading;
  const upload = () => {
    if (file) void uploading.submit(file);
  };
  return (
    <Stack mt="md">
      <Group align="flex-end">
        <FileInput
          label="File"
          placeholder="PDF, JPEG, PNG or TIFF"
          accept="application/pdf,image/jpeg,image/png,image/tiff"
          value={file}
          onChange={setFile}
          w={260}
        />
        <Select label="Category" data={CATEGORIES} value={category} onChange={(v) => setCategory(v ?? 'other')} allowDeselect={false} />
        {category === 'insurance_card' && (
          <Select
            label="Coverage"
            clearable
            data={(coverages.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.priority}: ${c.payerName}` }))}
            value={coverageId}
            onChange={setCoverageId}
          />
        )}
        <Button onClick={upload} disabled={!file}>
          Upload
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <Table withTableBorder data-testid="documents">
        <Table.Tbody>
          {docs.data?.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{CATEGORIES.find((c) => c.value === d.category)?.label}</Table.Td>
              <Table.Td>{d.fileName}</Table.Td>
              <Table.Td>{coverageLabel(d.coverageId)}</Table.Td>
              <Table.Td>{new Date(d.createdAt).toLocaleString()}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button size="compact-xs" variant="light" onClick={() => setViewing(d)}>
                    View
                  </Button>
                  <Button size="compact-xs" variant="default" component="a" href={`/api/documents/${d.id}/content`}>
                    Download
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {viewing && <Viewer doc={viewing} />}
    </Stack>
  );
}
