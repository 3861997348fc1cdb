#ifndef CITEBOT_CSTEMMER_SHIM_H
#define CITEBOT_CSTEMMER_SHIM_H
// libstemmer's header is self-contained; it is included through this shim so
// that the module map names one header we own.
#include <libstemmer.h>
#endif
