/**
 * One section of a signed note: as typed (line breaks kept), or as Markdown rendered safely.
 * Markdown here never renders HTML: raw tags show as the text that was typed, and link targets
 * other than http(s), mailto and relative ones are dropped (react-markdown's defaults).
 */
import { Text } from '@mantine/core';
import Markdown from 'react-markdown';
import type { NoteFormat } from './encounters-api.ts';

export function NoteText(props: { text: string; format: NoteFormat; testId: string }) {
  if (!props.text) return <Text data-testid={props.testId}>—</Text>;
  if (props.format === 'markdown')
    return (
      <div className="note-markdown" data-testid={props.testId} data-format="markdown">
        <Markdown>{props.text}</Markdown>
      </div>
    );
  return (
    <Text className="note-text" data-testid={props.testId}>
      {props.text}
    </Text>
  );
}
