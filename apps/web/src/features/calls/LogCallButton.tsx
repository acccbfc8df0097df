/** "Log a call" in the app header: a button (keyboard reachable, always in view) opening the call dialog. */
import { ActionIcon, Button, Modal, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhonePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { LogCallForm } from './LogCallForm.tsx';

export function LogCallButton(props: { narrow: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      {props.narrow ? (
        <Tooltip label="Log a call">
          <ActionIcon variant="default" size="lg" aria-label="Log a call" onClick={() => setOpen(true)}>
            <IconPhonePlus size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button variant="default" leftSection={<IconPhonePlus size={16} aria-hidden />} onClick={() => setOpen(true)}>
          Log a call
        </Button>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title="Log a call" size="lg">
        {open && (
          <LogCallForm
            onLogged={(call) => {
              setOpen(false);
              const who = call.patientName ?? (call.candidates.length ? 'caller to pick' : 'unknown caller');
              notifications.show({ color: 'green', message: `Call logged (${who})${call.taskId ? ', follow-up task created' : ''}` });
            }}
          />
        )}
      </Modal>
    </>
  );
}
