#ifndef LEQ_CSHA256_H
#define LEQ_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions (with SSSE3 and SSE4.1) that
/// `leq_sha256_blocks` uses; 0 elsewhere, where it must not be called.
int leq_sha256_hardware(void);

/// Runs SHA-256's compression over `blocks` whole 64-byte blocks at `data`, updating the eight
/// state words in `state` (FIPS 180-4, § 6.2.2) with the processor's SHA instructions; `k`: the
/// standard's 64 round constants (LEQStore's `SHA256` keeps the one table). Padding and the
/// length are the caller's.
void leq_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t k[64]);

#endif
