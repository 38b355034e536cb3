#ifndef FUNDLEDGER_FUZZ_DRIVER_H
#define FUNDLEDGER_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

typedef int (*fuzz_callback)(const uint8_t *data, size_t size);

/// Runs libFuzzer with `callback` when the binary was built with -sanitize=fuzzer; otherwise
/// prints that this is not a fuzzing build and returns 2.
int fuzz_run_driver(int *argc, char ***argv, fuzz_callback callback);

#endif
