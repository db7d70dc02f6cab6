/** Domain events after commit: the catalog, the outbox and the subscriber runner. */
export { event, EVENT_TYPES, type DomainEvent, type EventPayloads, type EventType, type NewEvent } from './catalog.js';
export {
  appendEvents,
  readEvents,
  visibleHead,
  cursorOf,
  backlog,
  cursors,
  ORIGIN,
  OUTBOX_CHANNEL,
  type Position,
} from './outbox.js';
export {
  EventRunner,
  type Subscriber,
  type DurableSubscriber,
  type Projection,
  type Effects,
  type RunnerOptions,
} from './runner.js';
