/** Keyboard helpers shared by the ticket's dialogs (the officer's main actions must work without a mouse). */
import { nextTick } from 'vue';

/**
 * Esc closes a dialog from any field. Element Plus's select swallows Esc even when its list is closed, so the dialog's
 * own Esc never fires while a reason or unit list has the focus; an open list still closes first.
 */
export function escCloses(e: KeyboardEvent, close: () => void) {
  if (e.key !== 'Escape' || (e.target as HTMLElement).getAttribute('aria-expanded') === 'true') return;
  e.preventDefault();
  e.stopPropagation();
  close();
}

/** a dialog opens on its first field, so the keyboard user types at once (Element Plus would focus the dialog box) */
export function focusFirstField(sel: string) {
  void nextTick(() => document.querySelector<HTMLElement>(sel)?.focus());
}
