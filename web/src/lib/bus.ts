import { ref } from 'vue';
/** Bumped when a ticket's inspection tasks change, so every panel showing them reloads. */
export const inspectionsVersion = ref(0);
