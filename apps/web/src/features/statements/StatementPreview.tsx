/** One statement's PDF shown in the page (a blob: frame; the download link saves the same file). */
import { Alert, Anchor, Group, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { statementPdf, statementPdfUrl } from './statements-api.ts';

export function StatementPreview(props: { statementId: string; title: string }) {
  const pdf = useQuery({
    queryKey: ['statement-pdf', props.statementId],
    queryFn: () => statementPdf(props.statementId),
    staleTime: Infinity,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!pdf.data) return;
    const u = URL.createObjectURL(pdf.data);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [pdf.data]);
  if (pdf.isError) return <Alert color="red">{pdf.error.message}</Alert>;
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Anchor href={statementPdfUrl(props.statementId)} download={`statement-${props.statementId}.pdf`} size="sm">
          Download the PDF
        </Anchor>
      </Group>
      {url ? <iframe src={url} title={props.title} width="100%" height={640} /> : <Loader aria-label="Loading the statement" />}
    </Stack>
  );
}
