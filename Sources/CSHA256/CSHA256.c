// SHA-256's compression with the x86 SHA extensions (SHA-NI): one instruction does two rounds,
// two more compute the message schedule, four words at a time. The sequence is the one Intel
// describes for these instructions ("Intel SHA Extensions", 2013): the state is kept as ABEF
// and CDGH in two registers. Elsewhere (no x86, or a processor without the extensions)
// `leq_sha256_hardware` says no and LEQStore's Swift implementation is used.
#include "CSHA256.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <cpuid.h>
#include <immintrin.h>

int leq_sha256_hardware(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    int ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    int sha = (b >> 29) & 1;
    return ssse3 && sse41 && sha;
}

__attribute__((target("sha,sse4.1,ssse3")))
void leq_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t k[64]) {
    // Each 32-bit word of the message is big-endian.
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    // A B C D / E F G H as the instructions take them: ABEF and CDGH.
    __m128i t = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i s1 = _mm_loadu_si128((const __m128i *)&state[4]);
    t = _mm_shuffle_epi32(t, 0xB1);                  // C D A B
    s1 = _mm_shuffle_epi32(s1, 0x1B);                // E F G H
    __m128i s0 = _mm_alignr_epi8(t, s1, 8);          // A B E F
    s1 = _mm_blend_epi16(s1, t, 0xF0);               // C D G H

    for (; blocks > 0; blocks--, data += 64) {
        const __m128i abef = s0, cdgh = s1;
        __m128i w[4];
        // Sixteen groups of four rounds; w holds the last four groups' message words.
        for (int g = 0; g < 16; g++) {
            __m128i m;
            if (g < 4) {
                m = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * g)), swap);
            } else {
                // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four at a time.
                const __m128i w16 = w[g & 3], w12 = w[(g + 1) & 3], w8 = w[(g + 2) & 3], w4 = w[(g + 3) & 3];
                m = _mm_sha256msg1_epu32(w16, w12);
                m = _mm_add_epi32(m, _mm_alignr_epi8(w4, w8, 4));
                m = _mm_sha256msg2_epu32(m, w4);
            }
            w[g & 3] = m;
            __m128i wk = _mm_add_epi32(m, _mm_loadu_si128((const __m128i *)&k[4 * g]));
            s1 = _mm_sha256rnds2_epu32(s1, s0, wk);
            wk = _mm_shuffle_epi32(wk, 0x0E);
            s0 = _mm_sha256rnds2_epu32(s0, s1, wk);
        }
        s0 = _mm_add_epi32(s0, abef);
        s1 = _mm_add_epi32(s1, cdgh);
    }

    t = _mm_shuffle_epi32(s0, 0x1B);                 // F E B A
    s1 = _mm_shuffle_epi32(s1, 0xB1);                // D C H G
    s0 = _mm_blend_epi16(t, s1, 0xF0);               // D C B A
    s1 = _mm_alignr_epi8(s1, t, 8);                  // H G F E
    _mm_storeu_si128((__m128i *)&state[0], s0);
    _mm_storeu_si128((__m128i *)&state[4], s1);
}

#else

int leq_sha256_hardware(void) { return 0; }

void leq_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t k[64]) {
    (void)state; (void)data; (void)blocks; (void)k;
}

#endif
