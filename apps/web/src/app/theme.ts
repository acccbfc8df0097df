/**
 * The Mantine theme. Colours live in styles/theme.css (CSS variables: the provider injects none
 * under our CSP); this object keeps Mantine's JavaScript side in step with that file (the primary
 * shade: blue-8, 5.02:1 under white text), gives every icon-only close button a name, keeps
 * dialogs from adding landmarks and gives spinners the status role their names need.
 */
import { createTheme, Drawer, DrawerHeader, Loader, Modal, ModalHeader, Notification } from '@mantine/core';
import '../styles/theme.css';

const closeButtonProps = { 'aria-label': 'Close' };

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  components: {
    // A close button is an icon: without a name a screen reader announces just "button".
    Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
    // A dialog's title bar is a <header>: outside <main> that is a second banner landmark (role none: a plain box).
    ModalHeader: ModalHeader.extend({ defaultProps: { role: 'none' } }),
    DrawerHeader: DrawerHeader.extend({ defaultProps: { role: 'none' } }),
    // A spinner is a plain <span>: its "Loading …" name is only allowed (and announced) on a status role.
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
  },
});
