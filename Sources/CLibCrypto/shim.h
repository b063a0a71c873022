// OpenSSL's libcrypto, for the SHA-2 digests swift-crypto lacks (SHA-224) or computes at less than
// half OpenSSL's speed here (SHA-384/512: BoringSSL has no AVX2/BMI2 code path).
#include <openssl/evp.h>
