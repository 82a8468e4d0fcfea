import { PartitionAssigner, PartitionAssigners } from 'kafkajs';
import { delay } from '../sleep';

/**
 * kafkajs' round-robin assigner, with the group leader waiting before it assigns. Against the
 * librdkafka mock a SyncGroup race otherwise sometimes answers INVALID_REQUEST and crashes the
 * consumer (STACK.md); on a real cluster the wait only lengthens a rebalance a little.
 */
export function delayedRoundRobinAssigner(delayMs: number): PartitionAssigner {
  return (config) => {
    const inner = PartitionAssigners.roundRobin(config);
    return {
      name: inner.name,
      version: inner.version,
      protocol: (subscription) => inner.protocol(subscription),
      async assign(group) {
        if (delayMs > 0) await delay(delayMs);
        return inner.assign(group);
      },
    };
  };
}
