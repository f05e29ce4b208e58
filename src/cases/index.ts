// Cases: opening from a contact, gang, identifier or by hand; the state machine; the timeline;
// victim reports linked to the agency's case.
export * from './case.js'
export * from './case-error.js'
export * from './case-list.js'
export * from './case-view.js'
export * from './case-state.js'
export * from './case.service.js'
export { casesWithMember, findCase, membersOf, timelineOf } from './case.repository.js'
export * from './victim-reply.js'
export * from './victim-reports.js'
