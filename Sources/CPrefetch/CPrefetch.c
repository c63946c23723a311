// The one function is `static inline` in the header; this file gives the target a source.
#include "CPrefetch.h"
