/**
 * The insurance card images linked to one coverage: thumbnails (click for a larger view)
 * and an "Upload card image" button that stores a document of category insurance card
 * with the coverage's id (the server checks it is this patient's coverage).
 */
import { Alert, Anchor, Button, FileButton, Group, Image, Modal, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSubmit } from '../../api/use-submit.ts';
import { type DocumentInfo, documentObjectUrl, uploadDocument } from './patients-api.ts';
import { patientKeys } from './query-keys.ts';

/** The document's bytes as an object URL for as long as the component shows them. */
function useObjectUrl(id: string): { url: string | null; error: string | null } {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    documentObjectUrl(id).then(
      (u) => {
        made = u;
        if (live) setUrl(u);
        else URL.revokeObjectURL(u);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [id]);
  return { url, error };
}

function CardThumbnail({ doc }: { doc: DocumentInfo }) {
  const { url, error } = useObjectUrl(doc.id);
  const [open, setOpen] = useState(false);
  if (error)
    return (
      <Text c="red" size="xs">
        {error}
      </Text>
    );
  if (!url) return <Text size="xs">…</Text>;
  if (doc.contentType === 'application/pdf' || doc.contentType === 'image/tiff') {
    return (
      <Anchor size="xs" href={url} target="_blank" rel="noreferrer">
        {doc.fileName}
      </Anchor>
    );
  }
  return (
    <>
      <UnstyledButton onClick={() => setOpen(true)} aria-label={`View ${doc.fileName}`}>
        <Image
          src={url}
          alt={`Insurance card: ${doc.fileName}`}
          h={48}
          w={76}
          fit="contain"
          radius="xs"
          bd="1px solid var(--mantine-color-gray-4)"
        />
      </UnstyledButton>
      <Modal opened={open} onClose={() => setOpen(false)} title={doc.fileName} size="lg">
        <Image src={url} alt={`Insurance card: ${doc.fileName} (large)`} fit="contain" mah={600} />
      </Modal>
    </>
  );
}

export function CoverageCardImages(props: {
  patientId: string;
  coverageId: string;
  payerName: string;
  docs: DocumentInfo[];
  canUpload: boolean;
}) {
  const { submit, busy, error } = useSubmit(
    (file: File) => uploadDocument(props.patientId, file, { category: 'insurance_card', coverageId: props.coverageId }),
    { invalidate: [patientKeys.documents(props.patientId)] },
  );
  const upload = (file: File | null) => {
    if (file) void submit(file);
  };
  return (
    <Group gap="xs" wrap="wrap" data-testid="coverage-cards">
      {props.docs.map((d) => (
        <CardThumbnail key={d.id} doc={d} />
      ))}
      {props.canUpload && (
        <FileButton
          onChange={upload}
          accept="image/jpeg,image/png,image/tiff,application/pdf"
          inputProps={{ 'aria-label': `Card image file for ${props.payerName}` }}
        >
          {(p) => (
            <Button {...p} size="compact-xs" variant="light" loading={busy}>
              Upload card image
            </Button>
          )}
        </FileButton>
      )}
      {error && (
        <Alert color="red" p="xs">
          {error}
        </Alert>
      )}
    </Group>
  );
}
