#ifndef LEQ_CPREFETCH_H
#define LEQ_CPREFETCH_H

/// Asks the processor to bring the memory at `address` into its caches ahead of use: a hint
/// that changes nothing a program can observe (an address never dereferenced is fine). Swift has
/// no spelling for the instruction; settling a million cases waits on memory for each case's
/// records, which this lets arrive while the case before is settled.
static inline void leq_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
