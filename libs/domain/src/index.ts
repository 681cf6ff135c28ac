/**
 * @par-index/domain: the PAR Index aggregates as pure deciders. Every name below is unique across
 * aggregates, so everything is exported flat; the namespaces are the same exports grouped.
 */
export * from './shared';
export * from './criteria-set';
export * from './unit';
export * from './assessment';
export * from './event-schema-versions';

export * as CriteriaSetAggregate from './criteria-set';
export * as Unit from './unit';
export * as Assessment from './assessment';
