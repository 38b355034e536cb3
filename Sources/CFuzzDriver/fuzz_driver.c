#include "fuzz_driver.h"
#include <stdio.h>

/* Present only when linked with libFuzzer (-sanitize=fuzzer). */
extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t)) __attribute__((weak));

int fuzz_run_driver(int *argc, char ***argv, fuzz_callback callback) {
    if (LLVMFuzzerRunDriver == NULL) {
        fprintf(stderr, "not a fuzzing build: build with -Xswiftc -sanitize=fuzzer,address (see `make fuzz`)\n");
        return 2;
    }
    return LLVMFuzzerRunDriver(argc, argv, callback);
}
